/// Where the settings that warnings talk about were written.
struct WarningAnchors {
    var account: SourceLocation?
    var identity: SourceLocation?
    var keySource: SourceLocation?
    var keyIdentifier: SourceLocation?
    var keyVault: SourceLocation?
}
