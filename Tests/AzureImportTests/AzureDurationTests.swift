import AzureImport
import Foundation
import Testing

/// Durations in both spellings Azure prints: ISO 8601 (REST, ARM) and Python timedelta text (CLI).
struct AzureDurationTests {
    @Test(
        arguments: [
            ("PT5M", 300_000), ("P1DT2H", 93_600_000), ("PT15M", 900_000), ("PT0.5S", 500), ("P1D", 86_400_000),
            ("pt1h30m", 5_400_000), ("0:05:00", 300_000), ("1 day, 2:00:00", 93_600_000),
            ("2 days, 0:00:01.5", 172_801_500),
            ("7 days, 0:00:00", 604_800_000),
        ] as [(String, Int64)])
    func finiteDurationsReadAsMilliseconds(_ text: String, _ milliseconds: Int64) {
        #expect(AzureDuration.parse(text) == .milliseconds(milliseconds))
    }

    @Test func theDotNetMaximumInEitherSpellingMeansUnlimited() {
        #expect(AzureDuration.parse("P10675199DT2H48M5.4775807S") == .unlimited)
        #expect(AzureDuration.parse("10675199 days, 2:48:05.477581") == .unlimited)
    }

    @Test(arguments: ["", "P", "PT", "5M", "P5H", "PT5M5H", "0:61:00", "1 week, 0:00:00", "abc", "-PT5M"])
    func malformedDurationsAreRejected(_ text: String) {
        #expect(AzureDuration.parse(text) == nil)
    }
}
