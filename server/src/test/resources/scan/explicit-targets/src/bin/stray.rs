// not a target: autobins = false
