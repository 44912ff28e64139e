/// A problem in `batchsim autoscale`'s inputs other than the formula (the samples CSV), with the line.
struct AutoscaleInputError: Error {
    var line: Int
    var message: String
}
