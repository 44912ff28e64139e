import BatchModel
import TestSupport
import Testing

/// Events carry one integer `detail`; `typedDetail` says what it is (SPEC §4 event log).
struct EventDetailTests {
    /// The worked example (SPEC §4): 10 one-slot nodes, 10 one-hour tasks, the key disabled at
    /// 30 min and enabled at 40 min.
    static let workedExample = """
        name: worked-example
        account:
          name: acct
          encryption: {keyIdentifier: https://kv.vault.azure.net/keys/cmk/\(Version.v1)}
        keyVault:
          name: kv
          accessPolicies: [{principal: acct, keyPermissions: [get, wrapKey, unwrapKey]}]
          keys: [{name: cmk, versions: [\(Version.v1)]}]
        pools: [{id: pool, dedicatedNodes: 10}]
        jobs: [{id: job, pool: pool, tasks: {count: 10, duration: 60m}}]
        timeline:
          - {at: 30m, action: disableKey, key: cmk}
          - {at: 40m, action: enableKey, key: cmk}
        """

    @Test func eachEventSaysWhatItsDetailIs() throws {
        let events = EventRecorder()
        _ = try ScenarioFixture.run(Self.workedExample, withBaseline: false, events: events)
        let all = events.events
        // Ten nodes join pool 0; every task is accepted at its first attempt and starts on a node.
        #expect(all.filter { $0.name == .nodeAdded }.map(\.typedDetail) == Array(repeating: .pool(0), count: 10))
        #expect(all.filter { $0.name == .taskSubmitted }.allSatisfy { $0.typedDetail == .attempt(1) })
        let nodes = all.filter { $0.name == .taskStarted && $0.time == 0 }.compactMap { event -> Int? in
            if case .node(let node) = event.typedDetail { return node }
            return nil
        }
        #expect(nodes.sorted() == Array(0..<10))
        // The two key actions are timeline entries 0 and 1.
        #expect(all.filter { $0.name == .actionApplied }.map(\.typedDetail) == [.timelineEntry(0), .timelineEntry(1)])
        // At 30 min every task loses 30 minutes of work.
        let requeues = all.filter { $0.name == .taskRequeued }
        #expect(requeues.count == 10)
        #expect(requeues.allSatisfy { $0.typedDetail == .lostWork(1_800_000) })
        // The account: accessible → keyInaccessible (version disabled) → recovering → accessible.
        let changes = all.filter { $0.entity == .account && $0.name == .stateChanged }
        #expect(
            changes.map(\.typedDetail) == [.accessProblem(.versionDisabled), .accessProblem(nil), .accessProblem(nil)])
        #expect(changes.compactMap(\.accountStates).map(\.to) == [.keyInaccessible, .recovering, .accessible])
        #expect(changes.map(\.time) == [1_800_000, 2_400_000, 3_000_000])
    }

    @Test func nodeEventsGiveTheirStates() throws {
        let events = EventRecorder()
        _ = try ScenarioFixture.run(Self.workedExample, withBaseline: false, events: events)
        let node0 = events.events.filter { $0.entity == .node && $0.entityIndex == 0 }
        let states = node0.compactMap(\.nodeStates)
        #expect(states.first?.from == nil)
        #expect(states.map(\.to) == [.creating, .idle, .running, .unusable, .idle, .running, .idle])
        #expect(events.events.filter { $0.entity == .task }.allSatisfy { $0.nodeStates == nil })
    }
}
