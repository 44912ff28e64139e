import ParallelWork
import Testing

struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 8])
    func resultsComeBackByIndexWhateverTheWorkers(workers: Int) {
        let results = ParallelMap.run(count: 50, workers: workers) { $0 * $0 }
        #expect(results == (0..<50).map { $0 * $0 })
    }

    @Test(arguments: [1, 2, 4])
    func inOrderSeesEveryIndexInOrder(workers: Int) {
        var seen: [Int] = []
        _ = ParallelMap.run(count: 20, workers: workers) { index in
            index + 100
        } inOrder: { index, value in
            #expect(value == index + 100)
            seen.append(index)
        }
        #expect(seen == Array(0..<20))
    }

    @Test func noMoreThanTheGivenNumberOfWorkersRunAtOnce() {
        let running = Locked((now: 0, peak: 0))
        _ = ParallelMap.run(count: 40, workers: 3) { index in
            running.withLock { state in
                state.now += 1
                state.peak = max(state.peak, state.now)
            }
            var sum = 0
            for value in 0..<20_000 { sum &+= value &* index }
            running.withLock { $0.now -= 1 }
            return sum
        }
        #expect(running.current.peak <= 3)
        #expect(running.current.peak >= 1)
    }

    @Test func finishedCountsEveryItemOnce() {
        let counts = Locked<[Int]>([])
        let finished: @Sendable (Int, Int) -> Void = { done, total in
            #expect(total == 30)
            counts.withLock { $0.append(done) }
        }
        _ = ParallelMap.run(count: 30, workers: 4, finished: finished, transform: { $0 })
        #expect(counts.current.sorted() == Array(1...30))
    }

    @Test func cancellationStopsNewItemsAndKeepsFinishedOnes() {
        let started = Locked(0)
        let isCancelled: @Sendable () -> Bool = { started.current >= 10 }
        let results = ParallelMap.run(count: 100, workers: 2, isCancelled: isCancelled) { index in
            started.withLock { $0 += 1 }
            return index
        }
        let finished = results.compactMap { $0 }
        #expect(finished.count >= 10)
        #expect(finished.count < 100)
        for (index, value) in results.enumerated() {
            if let value { #expect(value == index) }
        }
    }

    @Test func inOrderStopsAtTheFirstItemThatNeverRan() {
        var reported: [Int] = []
        let always: @Sendable () -> Bool = { true }
        let results = ParallelMap.run(count: 10, workers: 1, isCancelled: always) {
            $0
        } inOrder: { index, _ in
            reported.append(index)
        }
        #expect(reported.isEmpty)
        #expect(results.allSatisfy { $0 == nil })
    }

    @Test func emptyInputGivesEmptyOutput() {
        #expect(ParallelMap.run(count: 0, workers: 4) { $0 }.isEmpty)
    }
}

struct LockedTests {
    @Test func waitReturnsOnceAnotherThreadMakesTheConditionTrue() {
        let flag = Locked(false)
        let results = ParallelMap.run(count: 2, workers: 2) { index -> Bool in
            if index == 0 { return flag.wait { $0 ? true : nil } }
            flag.withLock { $0 = true }
            return true
        }
        #expect(results == [true, true])
    }
}
