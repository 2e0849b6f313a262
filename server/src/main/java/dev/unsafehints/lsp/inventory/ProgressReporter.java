package dev.unsafehints.lsp.inventory;

/** Where a long task reports how far it got (work-done progress in the editor). */
public interface ProgressReporter {
    ProgressReporter NONE = new ProgressReporter() {
        @Override
        public void begin(String title, String message) {
        }

        @Override
        public void report(String message, int percentage) {
        }

        @Override
        public void end(String message) {
        }
    };

    void begin(String title, String message);

    void report(String message, int percentage);

    void end(String message);
}
