// Intentionally empty: SwiftPM needs one source file for the CNcursesw C target.
