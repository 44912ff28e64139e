import Foundation

/// A bounded first-in first-out hand-off between the simulating threads and the writer
/// thread. Producers block while it is full, so a slow disk bounds memory instead of letting
/// buffered events grow without limit.
final class WorkQueue<Item>: @unchecked Sendable {
    private var items: [Item] = []
    private var head = 0
    private let capacity: Int
    private let condition = NSCondition()

    init(capacity: Int) {
        self.capacity = capacity
    }

    func push(_ item: Item) {
        condition.lock()
        while items.count - head >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    func pop() -> Item {
        condition.lock()
        while head == items.count { condition.wait() }
        let item = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        condition.broadcast()
        condition.unlock()
        return item
    }
}
