/// Elements that a `BinaryMinHeap` orders: `precedes` is a strict total order.
public protocol HeapOrdered {
    func precedes(_ other: Self) -> Bool
}
