import ScenarioFormat

/// JUnit XML for CI systems (GitHub Actions, Azure Pipelines and GitLab all display it): one
/// `testsuite` per scenario file, one `testcase` per expectation.
public enum JUnitReport {
    public static func xml(_ results: [ScenarioCheckResult]) -> String {
        let tests = results.reduce(0) { $0 + max($1.checkCount, $1.errors.isEmpty ? 0 : 1) }
        let failures = results.reduce(0) { $0 + $1.failedCount }
        let seconds = results.reduce(0) { $0 + $1.seconds }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"batchsim check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\""
        out += " time=\"\(format(seconds))\">\n"
        for result in results {
            let count = max(result.checkCount, result.errors.isEmpty ? 0 : 1)
            out += "  <testsuite name=\"\(escape(result.scenarioName))\" tests=\"\(count)\""
            out += " failures=\"\(result.failedCount)\" errors=\"0\" time=\"\(format(result.seconds))\""
            out += " file=\"\(escape(result.path))\">\n"
            if !result.errors.isEmpty {
                out += "    <testcase classname=\"\(escape(result.scenarioName))\" name=\"load\">\n"
                out += "      <failure message=\"the scenario does not load\">"
                out += escape(result.errors.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
            }
            for verdict in result.verdicts {
                out += "    <testcase classname=\"\(escape(result.scenarioName))\""
                out += " name=\"\(escape(verdict.expectation.metric))\""
                out += " file=\"\(escape(result.path))\" line=\"\(verdict.expectation.location.line)\""
                if verdict.passed {
                    out += "/>\n"
                } else {
                    out += ">\n      <failure message=\"\(escape(verdict.line))\">"
                    out += escape("\(result.path):\(verdict.expectation.location.line): \(verdict.line)")
                    out += "</failure>\n    </testcase>\n"
                }
            }
            if let line = result.fingerprintLine {
                out += "    <testcase classname=\"\(escape(result.scenarioName))\" name=\"fingerprint\""
                out += " file=\"\(escape(result.path))\" line=\"\(result.expectedFingerprint?.location.line ?? 0)\""
                out +=
                    result.fingerprintPassed
                    ? "/>\n"
                    : ">\n      <failure message=\"\(escape(line))\">\(escape(line))</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// XML text for attributes and elements: XML 1.0 forbids most control characters, even
    /// escaped, so they become "?"; the rest is the report's own escaping.
    static func escape(_ text: String) -> String {
        var allowed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let forbidden = scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r"
            allowed.append(forbidden ? "?" : scalar)
        }
        return SVGText.escape(String(allowed))
    }

    private static func format(_ seconds: Double) -> String {
        String(Double((seconds * 1000).rounded()) / 1000)
    }
}
