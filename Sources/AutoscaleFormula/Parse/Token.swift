/// One lexical unit of a formula with where it starts; the parser reports errors at a token's location.
struct Token: Equatable {
    /// What the token is.
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        /// A name, `$` included when written (`$PendingTasks`, `span`, `TimeInterval_Minute`).
        case name(String)
        /// An operator or punctuation, as written (`(`, `&&`, `;`).
        case symbol(String)
        case end
    }

    var kind: Kind
    var location: SourceLocation

    /// The token as a user would quote it in an error message.
    var spelling: String {
        switch kind {
        case .number(let value): return FormulaValue.double(value).description
        case .string(let text): return "\"\(text)\""
        case .name(let name): return name
        case .symbol(let symbol): return symbol
        case .end: return "end of formula"
        }
    }

    /// Whether the token is the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }
}
