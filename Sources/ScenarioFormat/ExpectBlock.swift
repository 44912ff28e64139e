/// Everything an `expect:` block says besides its metric lines.
struct ExpectBlock {
    var expectations: [Expectation] = []
    var replications = 1
    var fingerprint: ExpectedFingerprint?
}
