package dev.unsafehints.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compiler directive a scan adds reaches the JVM (this test's, which runs with the JIT's defaults). */
class QuickCompilationTest {
    private static final ObjectName COMMANDS = name();

    @Test
    void theDirectiveKeepsEveryMethodFromC2() throws Exception {
        assertTrue(QuickCompilation.addDirective(), "the directive was not added");
        String directives = (String) ManagementFactory.getPlatformMBeanServer().invoke(COMMANDS,
                "compilerDirectivesPrint", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        assertTrue(directives.contains("*.*") && directives.replace(" ", "").contains("Exclude:true"), directives);
    }

    @AfterEach
    void removeIt() throws Exception {
        ManagementFactory.getPlatformMBeanServer().invoke(COMMANDS, "compilerDirectivesClear",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    private static ObjectName name() {
        try {
            return new ObjectName("com.sun.management:type=DiagnosticCommand");
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
