import Foundation

/// Messages for people go to standard error, results to standard output. Colour only where a
/// person is watching: a stream gets ANSI colour only when it is a terminal, `NO_COLOR` is
/// unset and `TERM` is not `dumb`; pipes, files and CI logs get plain text.
enum Terminal {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((colourDiagnostics(message) + "\n").utf8))
    }

    /// Whether standard error (2) or standard output (1) should get colour.
    static func wantsColour(_ descriptor: Int32) -> Bool {
        guard isatty(descriptor) == 1 else { return false }
        let environment = ProcessInfo.processInfo.environment
        return environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Whether standard error is an interactive terminal (for the progress line).
    static var standardErrorIsTerminal: Bool { isatty(2) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    /// `error:` in red and `warning:` in yellow, when standard error is a terminal.
    private static func colourDiagnostics(_ message: String) -> String {
        guard wantsColour(2) else { return message }
        return message.replacingOccurrences(of: " error: ", with: " \u{1B}[1;31merror:\u{1B}[0m ")
            .replacingOccurrences(of: " warning: ", with: " \u{1B}[1;33mwarning:\u{1B}[0m ")
            .replacingOccurrences(of: "error: ", with: "\u{1B}[1;31merror:\u{1B}[0m ", options: .anchored)
    }

    /// "wrote a", "wrote a and b", "wrote a, b and c".
    static func wroteLine(_ paths: [String]) -> String {
        guard let last = paths.last else { return "wrote nothing" }
        guard paths.count > 1 else { return "wrote " + last }
        return "wrote " + paths.dropLast().joined(separator: ", ") + " and " + last
    }
}
