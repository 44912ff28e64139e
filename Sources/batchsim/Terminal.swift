import Foundation

/// Messages for people go to standard error, results to standard output.
enum Terminal {
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
