/// Levenshtein distance and "did you mean" suggestions for misspelt keys and names.
public enum EditDistance {
    /// The Levenshtein distance between two strings, compared by Unicode scalar.
    ///
    /// - Complexity: O(a·b); callers compare short identifiers only.
    public static func distance(_ a: String, _ b: String) -> Int {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    /// The closest candidate within `maximum` edits (case-insensitively), if any; ties go to the first.
    public static func suggestion(for word: String, among candidates: [String], maximum: Int = 2) -> String? {
        guard word.count <= 64 else { return nil }
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = distance(lowered, candidate.lowercased())
            if distance <= maximum, distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// `"; did you mean 'x'?"` or the empty string.
    public static func hint(for word: String, among candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
