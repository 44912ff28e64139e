// queue_bench: nanoseconds per (push + pop) for std::priority_queue in the same "hold" model
// as Sources/QueueBench/main.swift (same generator, delays, phases, ordering and checksum, so
// the checksum must equal the Swift one).
//
// Build: g++ -O2 -std=c++17 -o queue_bench queue_bench.cpp
// Usage: queue_bench [size] [operations] [repetitions]   (defaults 40000 10000000 5)

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <queue>
#include <vector>

namespace {

struct SplitMix64 {
    uint64_t state;
    inline uint64_t next() {
        state += 0x9E3779B97F4A7C15ULL;
        uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
};

constexpr uint64_t maximumDelay = 1000000;
constexpr uint64_t seed = 0x5EED;

struct DelayAndPhase {
    int64_t delay;
    uint8_t phase;
};

inline DelayAndPhase delayAndPhase(SplitMix64& random) {
    uint64_t bits = random.next();
    auto delay = static_cast<int64_t>((static_cast<unsigned __int128>(bits) * maximumDelay) >> 64);
    return {delay, static_cast<uint8_t>(bits & 3)};
}

inline uint64_t hash(uint64_t checksum, int64_t time, int64_t payload) {
    return (checksum ^ static_cast<uint64_t>(time)) * 0x100000001B3ULL + static_cast<uint64_t>(payload);
}

// 24 bytes, like Swift's ScheduledEvent<Int>: time, (phase << 56 | sequence), payload.
struct Event {
    int64_t time;
    uint64_t order;
    int64_t payload;
};

// std::priority_queue is a max-heap: "less" must mean "later".
struct Later {
    bool operator()(const Event& a, const Event& b) const {
        return a.time > b.time || (a.time == b.time && a.order > b.order);
    }
};

struct Measurement {
    double nanoseconds;
    uint64_t checksum;
};

Measurement runPriorityQueue(long size, long operations) {
    SplitMix64 random{seed};
    std::vector<Event> storage;
    storage.reserve(size + 1);
    std::priority_queue<Event, std::vector<Event>, Later> queue(Later{}, std::move(storage));
    uint64_t sequence = 0;
    for (long payload = 0; payload < size; ++payload) {
        auto [delay, phase] = delayAndPhase(random);
        queue.push(Event{delay, static_cast<uint64_t>(phase) << 56 | sequence, payload});
        ++sequence;
    }
    uint64_t checksum = 0;
    auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < operations && !queue.empty(); ++i) {
        Event event = queue.top();
        queue.pop();
        checksum = hash(checksum, event.time, event.payload);
        auto [delay, phase] = delayAndPhase(random);
        queue.push(Event{event.time + delay, static_cast<uint64_t>(phase) << 56 | sequence, event.payload});
        ++sequence;
    }
    auto elapsed = std::chrono::steady_clock::now() - start;
    return {std::chrono::duration<double, std::nano>(elapsed).count(), checksum};
}

}  // namespace

int main(int argc, char** argv) {
    long size = argc > 1 ? std::atol(argv[1]) : 40000;
    long operations = argc > 2 ? std::atol(argv[2]) : 10000000;
    int repetitions = argc > 3 ? std::atoi(argv[3]) : 5;

    std::vector<double> perOperation;
    uint64_t checksum = 0;
    for (int r = 0; r < repetitions; ++r) {
        Measurement m = runPriorityQueue(size, operations);
        if (r > 0 && m.checksum != checksum) {
            std::fprintf(stderr, "checksum differs between repetitions\n");
            return 1;
        }
        checksum = m.checksum;
        perOperation.push_back(m.nanoseconds / static_cast<double>(operations));
    }
    std::sort(perOperation.begin(), perOperation.end());
    std::printf("RESULT\tC++ std::priority_queue (g++ -O2)\t%f\t%f\t%llu\n", perOperation[0],
                perOperation[perOperation.size() / 2], static_cast<unsigned long long>(checksum));
    return 0;
}
