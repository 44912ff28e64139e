#!/usr/bin/env python3
"""SimPy reference model of batchsim's benchmark scenarios.

What it is
    An independent discrete-event model of an Azure Batch account with a customer-managed
    key (CMK), written in SimPy 4 from the product contract (/work/shared/SPEC.md §2-§4, and
    docs/model.md, which says the same in plainer words), for two uses:
      * timing: batchsim's performance target (issue 15) is stated against "the SimPy
        reference model", measured side by side on the same machine
        (scripts/bench-simpy.sh runs both);
      * cross-checking: it prints the same summary metrics as `batchsim run`
        (summary.json's names and layout) and `model.py compare` lists every metric that
        differs from batchsim's.

    It is ordinary SimPy: one `simpy.Environment`; SimPy processes for the arrival stream of
    each job, each client that retries a rejected task, each task execution (interrupted
    when an outage requeues it), each timeline action, the account's life cycle, the nodes'
    reaction to the account, each pool's scheduler and the end-of-run watch; plain Python
    objects, lists and heaps for pools, nodes, tasks and queues.

Subset covered (exactly what Benchmarks/Scenarios/medium.yaml and large.yaml use; anything
else is refused with an error rather than simulated wrongly)
    * pools of dedicated nodes ready at t = 0 (no allocation delay, no start task, no
      low-priority nodes, no autoscale), `taskSlotsPerNode`, `nodeFillType` spread or pack,
      a dedicated price per node-hour;
    * jobs with a priority, one task block each: `count`, `arrival: {every, from}`, a fixed
      or `lognormal` duration, `requiredSlots`, `maxTaskRetryCount` (no failure
      probability, so no retry ever happens), `checkpointEvery`; a client that drops or
      retries on rejection (`retryEvery`, `maxAttempts`);
    * an account on a versioned or versionless Key Vault key with access policies,
      `detectionDelay: 0s`, a fixed `recoveryDelay`;
    * timeline actions `disableKey`, `enableKey`, `removeAccessPolicy`, `setAccessPolicy`
      (`at:` or `after:`);
    * no `horizon` (the run ends at its first quiescent instant, capped at 30 days).
    Both the scenario and its baseline (the same file without its key and vault actions)
    are simulated, and the impact is their difference, as `batchsim run` does.

Same numbers as batchsim
    The contract leaves the random generator to each implementation, so to compare numbers
    exactly this model uses batchsim's documented generator (SPEC §2 "Randomness"; its
    RandomStream and DurationDistribution): keyed xoshiro256** streams seeded through
    SplitMix64 from (seed, purpose, entity, index), a task's duration drawn once, from
    purpose 1 with the task number as entity, as median * exp(sigma * Z) with Z from
    Box-Muller (one normal per pair of uniforms), rounded to whole milliseconds with halves
    away from zero. Everything else follows the contract: time in integer milliseconds, the
    order within one instant (completions, timeline, account, nodes, submissions, dispatch),
    queue order (priority, acceptance time, task number), placement (spread: the
    lowest-index node among those with the most free slots; pack: the lowest-index node with
    enough), metric definitions and their rounding.

    SimPy orders events of one instant by priority, then by scheduling order; the contract's
    phases are those priorities (`PhaseTimeout`). SimPy's own URGENT/NORMAL events (process
    starts and ends, interrupts, `Event.succeed`) have priorities 0 and 1, below every phase,
    so they run at once inside the phase that caused them.

Usage
    python3 model.py run SCENARIO.yaml [--out SUMMARY.json] [--seed N] [--no-baseline]
    python3 model.py compare SIMPY_SUMMARY.json BATCHSIM_SUMMARY.json
    python3 model.py self-check

Needs Python 3.9+ and simpy 4 (`python3 -m pip install simpy`); reads YAML with PyYAML when
it is installed, otherwise with the small reader at the end of this file (enough for the
benchmark scenarios).
"""

import argparse
import heapq
import json
import math
import re
import sys
import time
from decimal import Decimal

import simpy
from simpy.events import Timeout

# ---------------------------------------------------------------------------------------------
# Phases within one instant (SPEC §2 "Order within one instant"), used as SimPy priorities.

COMPLETIONS = 10  # (1) task completions
TIMELINE = 20  # (2) timeline actions, in file order
ACCOUNT = 30  # (3) the account looks at its key
NODE_REACTION = 43  # (4) nodes react to the account; requeues
SUBMISSIONS = 50  # (5) arrivals and client retries
DISPATCH = 60  # (6) one dispatch pass per pool that changed
END_OF_INSTANT = 70  # after the instant: is the run over? (SPEC §2 rule 1)

CAP_MS = 30 * 24 * 3600 * 1000  # the 30-day cap (rule 1)
MS_PER_HOUR = 3_600_000.0


class PhaseTimeout(Timeout):
    """A `simpy.Timeout` processed in a given phase of its instant.

    SimPy processes events of one time by (priority, scheduling order); `Timeout` always uses
    NORMAL priority. This one passes its phase as the priority to `Environment.schedule`.
    """

    def __init__(self, env, delay, phase):
        self.env = env
        self.callbacks = []
        self._value = None
        self._delay = delay
        self._ok = True
        env.schedule(self, phase, delay)


# ---------------------------------------------------------------------------------------------
# batchsim's keyed random streams (Sources/SimulationKernel/RandomStream.swift), in Python ints
# masked to 64 bits, and its log-normal sampling (DurationDistribution.swift).

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
PURPOSE_TASK_DURATION = 1


def _mix(z):
    """SplitMix64's finaliser."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def _rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class RandomStream:
    """xoshiro256** seeded by SplitMix64 from a key mixing (seed, purpose, entity, index)."""

    __slots__ = ("s0", "s1", "s2", "s3")

    def __init__(self, seed, purpose, entity, index=0):
        key = _mix((seed + GOLDEN) & MASK)
        key = _mix(key ^ ((purpose * 0xD1B54A32D192ED03) & MASK))
        key = _mix(key ^ ((entity * 0xAEF17502108EF2D9) & MASK))
        key = _mix(key ^ ((index * 0xF1357AEA2E62A9C5) & MASK))
        state = key
        words = []
        for _ in range(4):
            state = (state + GOLDEN) & MASK
            words.append(_mix(state))
        self.s0, self.s1, self.s2, self.s3 = words

    def next(self):
        s0, s1, s2, s3 = self.s0, self.s1, self.s2, self.s3
        result = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 17) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        self.s0, self.s1, self.s2, self.s3 = s0, s1, s2, _rotl(s3, 45)
        return result

    def unit(self):
        """Uniform in [0, 1) with 53 random bits."""
        return (self.next() >> 11) * 2.0**-53

    def open_unit(self):
        """Uniform in (0, 1]."""
        return ((self.next() >> 11) + 1) * 2.0**-53

    def standard_normal(self):
        """Box-Muller, one normal per pair of uniforms."""
        radius = math.sqrt(-2.0 * math.log(self.open_unit()))
        return radius * math.cos(2.0 * math.pi * self.unit())


def round_half_away(value):
    """Rounds to an integer with halves away from zero (Swift's `rounded()`)."""
    magnitude = abs(value)
    whole = math.floor(magnitude)
    if magnitude - whole >= 0.5:
        whole += 1
    return int(whole) if value >= 0 else -int(whole)


class Duration:
    """A task-duration distribution: fixed, or log-normal (median * exp(sigma * Z))."""

    def __init__(self, spec):
        if isinstance(spec, dict):
            if set(spec) != {"lognormal"}:
                raise Unsupported(f"duration {spec!r}: only fixed and lognormal durations are modelled")
            body = spec["lognormal"]
            self.fixed = None
            self.median = float(parse_ms(body["median"]))
            self.sigma = float(body["sigma"])
        else:
            self.fixed = parse_ms(spec)

    def sample(self, seed, entity):
        """The duration of task number `entity`, in whole milliseconds."""
        if self.fixed is not None:
            return self.fixed
        z = task_duration_normal(seed, entity)
        return max(round_half_away(self.median * math.exp(self.sigma * z)), 0)


_prefix_cache = {}


def task_duration_normal(seed, entity):
    """`RandomStream(seed, PURPOSE_TASK_DURATION, entity, 0).standard_normal()`, unrolled.

    The same arithmetic, minus what does not reach the result: the (seed, purpose) half of the
    key is computed once per seed, the index-0 step is `_mix(key ^ 0)`, and the two xoshiro
    outputs need only s0, s1 and s2 (the second reads s1 ^ s2 ^ s0). `self_check()` compares it
    with the plain stream.
    """
    prefix = _prefix_cache.get(seed)
    if prefix is None:
        prefix = _prefix_cache[seed] = _mix(
            _mix((seed + GOLDEN) & MASK) ^ ((PURPOSE_TASK_DURATION * 0xD1B54A32D192ED03) & MASK))
    key = _mix(_mix(prefix ^ ((entity * 0xAEF17502108EF2D9) & MASK)))
    s0 = _mix((key + GOLDEN) & MASK)
    s1 = _mix((key + 2 * GOLDEN) & MASK)
    s2 = _mix((key + 3 * GOLDEN) & MASK)
    first = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
    s1 ^= s2 ^ s0
    second = (_rotl((s1 * 5) & MASK, 7) * 9) & MASK
    radius = math.sqrt(-2.0 * math.log(((first >> 11) + 1) * 2.0**-53))
    return radius * math.cos(2.0 * math.pi * ((second >> 11) * 2.0**-53))


def self_check(count=20000):
    """The unrolled draw agrees with the plain stream, bit for bit."""
    for seed in (0, 42, 7, MASK):
        for entity in range(count):
            plain = RandomStream(seed, PURPOSE_TASK_DURATION, entity).standard_normal()
            assert task_duration_normal(seed, entity) == plain, (seed, entity)


# ---------------------------------------------------------------------------------------------
# Scenario files (the subset above).


class Unsupported(Exception):
    """A scenario feature outside this model's subset."""


_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)(ms|d|h|m|s)")
_UNIT_MS = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000}


def parse_ms(text):
    """`90s`, `10m`, `1h30m`, `2d`, `250ms` or a plain number of seconds, in milliseconds."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return round_half_away(float(text) * 1000)
    text = str(text).strip()
    try:
        return round_half_away(float(text) * 1000)
    except ValueError:
        pass
    total, position = 0.0, 0
    for match in _DURATION_PART.finditer(text):
        if match.start() != position:
            break
        total += float(match.group(1)) * _UNIT_MS[match.group(2)]
        position = match.end()
    if position != len(text) or not text:
        raise ValueError(f"not a duration: {text!r}")
    return round_half_away(total)


def _only(mapping, allowed, where):
    extra = set(mapping or {}) - set(allowed)
    if extra:
        raise Unsupported(f"{where}: {', '.join(sorted(extra))} not modelled")


VAULT_ACTIONS = {"disableKey", "enableKey", "removeAccessPolicy", "setAccessPolicy"}
NEEDED_PERMISSIONS = {"get", "wrapkey", "unwrapkey"}
ALL_KEY_PERMISSIONS = {
    "get", "list", "update", "create", "import", "delete", "recover", "backup", "restore",
    "decrypt", "encrypt", "unwrapkey", "wrapkey", "verify", "sign", "purge", "release",
    "rotate", "getrotationpolicy", "setrotationpolicy",
}


def permissions(names):
    names = {str(name).lower() for name in names or []}
    return ALL_KEY_PERMISSIONS if "all" in names else names


class Scenario:
    """The parts of a scenario file this model uses, with times in milliseconds."""

    def __init__(self, doc):
        _only(doc, {"name", "description", "seed", "account", "keyVault", "pools", "jobs",
                    "timeline", "expect", "vars"}, "scenario")
        if doc.get("vars"):
            raise Unsupported("vars: not modelled")
        self.name = str(doc["name"])
        self.description = doc.get("description")
        self.seed = int(doc.get("seed", 0)) & MASK

        account = doc.get("account") or {}
        _only(account, {"name", "region", "identity", "principal", "encryption",
                        "detectionDelay", "recoveryDelay"}, "account")
        self.account_name = str(account.get("name", "account"))
        self.principal = str(account.get("principal", self.account_name)).lower()
        self.identity = str(account.get("identity", "SystemAssigned"))
        encryption = account.get("encryption") or {}
        self.key_identifier = encryption.get("keyIdentifier")
        default_source = "Microsoft.KeyVault" if self.key_identifier else "Microsoft.Batch"
        self.key_source = str(encryption.get("keySource", default_source))
        if parse_ms(account.get("detectionDelay", 0)) != 0:
            raise Unsupported("account.detectionDelay other than 0 is not modelled")
        recovery = account.get("recoveryDelay", "10m")
        if isinstance(recovery, dict):
            raise Unsupported("a random recoveryDelay is not modelled")
        self.recovery_delay = parse_ms(recovery)

        vault = doc.get("keyVault")
        self.vault = None
        if vault:
            _only(vault, {"name", "permissionModel", "softDelete", "purgeProtection",
                          "retentionDays", "accessPolicies", "keys"}, "keyVault")
            if str(vault.get("permissionModel", "accessPolicy")) != "accessPolicy":
                raise Unsupported("keyVault.permissionModel rbac is not modelled")
            keys = {}
            for key in vault.get("keys") or []:
                _only(key, {"name", "type", "size", "versions"}, "key")
                versions = []
                for version in key.get("versions") or []:
                    if isinstance(version, dict):
                        _only(version, {"id", "enabled"}, "key version")
                        versions.append([str(version["id"]).lower(), bool(version.get("enabled", True))])
                    else:
                        versions.append([str(version).lower(), True])
                keys[str(key["name"]).lower()] = versions
            policies = {}
            for policy in vault.get("accessPolicies") or []:
                policies[str(policy["principal"]).lower()] = permissions(policy.get("keyPermissions"))
            self.vault = {"name": str(vault["name"]).lower(), "keys": keys, "policies": policies}

        self.pools = []
        for pool in doc["pools"]:
            _only(pool, {"id", "vmSize", "dedicatedNodes", "lowPriorityNodes", "taskSlotsPerNode",
                         "nodeFillType", "allocationDelay", "pricePerNodeHour"}, f"pool {pool.get('id')}")
            if int(pool.get("lowPriorityNodes", 0)) or parse_ms(pool.get("allocationDelay", 0)):
                raise Unsupported("low-priority nodes and allocation delays are not modelled")
            price = pool.get("pricePerNodeHour", 0)
            dedicated_price = float(price["dedicated"] if isinstance(price, dict) else price)
            fill = str(pool.get("nodeFillType", "spread")).lower()
            if fill not in ("spread", "pack"):
                raise ValueError(f"nodeFillType {fill!r}")
            self.pools.append({
                "id": str(pool["id"]),
                "nodes": int(pool.get("dedicatedNodes", 0)),
                "slots": int(pool.get("taskSlotsPerNode", 1)),
                "spread": fill == "spread",
                "price": dedicated_price,
            })
        pool_index = {pool["id"]: i for i, pool in enumerate(self.pools)}

        self.jobs = []
        for job in doc["jobs"]:
            _only(job, {"id", "pool", "priority", "tasks", "client"}, f"job {job.get('id')}")
            tasks = job["tasks"]
            _only(tasks, {"count", "arrival", "duration", "requiredSlots", "maxTaskRetryCount",
                          "failureProbability", "checkpointEvery"}, f"job {job['id']} tasks")
            if float(tasks.get("failureProbability", 0)) != 0:
                raise Unsupported("failureProbability is not modelled")
            arrival = tasks.get("arrival", {"at": 0})
            if set(arrival) == {"at"}:
                every, start = 0, parse_ms(arrival["at"])
            elif set(arrival) <= {"every", "from"} and "every" in arrival:
                every, start = parse_ms(arrival["every"]), parse_ms(arrival.get("from", 0))
            else:
                raise Unsupported(f"arrival {arrival!r} is not modelled")
            checkpoint = tasks.get("checkpointEvery", "none")
            client = (job.get("client") or {}).get("onRejected", "drop")
            if client == "drop":
                retry_every, max_attempts = 0, 1
            else:
                retry_every, max_attempts = parse_ms(client["retryEvery"]), int(client["maxAttempts"])
            self.jobs.append({
                "id": str(job["id"]),
                "pool": pool_index[str(job["pool"])],
                "priority": int(job.get("priority", 0)),
                "count": int(tasks["count"]),
                "every": every,
                "from": start,
                "duration": Duration(tasks["duration"]),
                "slots": int(tasks.get("requiredSlots", 1)),
                "checkpoint": 0 if str(checkpoint) == "none" else parse_ms(checkpoint),
                "retry_every": retry_every,
                "max_attempts": max_attempts,
            })

        self.timeline = []
        previous = 0
        for entry in doc.get("timeline") or []:
            action = str(entry["action"])
            if action not in VAULT_ACTIONS:
                raise Unsupported(f"timeline action {action} is not modelled")
            at = parse_ms(entry["at"]) if "at" in entry else previous + parse_ms(entry["after"])
            previous = at
            self.timeline.append((at, action, entry))

    def baseline(self):
        """The same scenario without its key, vault and encryption actions (here: all of them)."""
        base = object.__new__(Scenario)
        base.__dict__.update(self.__dict__)
        base.timeline = [entry for entry in self.timeline if entry[1] not in VAULT_ACTIONS]
        return base


# ---------------------------------------------------------------------------------------------
# The model's plain data.

# Task states.
UNARRIVED, AT_CLIENT, QUEUED, RUNNING, SUCCEEDED, DROPPED = range(6)

# Account states.
ACCESSIBLE, KEY_INACCESSIBLE, RECOVERING = "accessible", "keyInaccessible", "recovering"


class Task:
    __slots__ = ("number", "job", "slots", "duration", "arrival", "accepted", "first_start",
                 "finish", "attempts", "requeues", "state", "attempt_start", "checkpoint",
                 "node", "process")

    def __init__(self, number, job, slots):
        self.number = number
        self.job = job
        self.slots = slots
        self.duration = -1  # sampled at the first start, kept across requeues
        self.arrival = -1
        self.accepted = -1
        self.first_start = -1
        self.finish = -1
        self.attempts = 0
        self.requeues = 0
        self.state = UNARRIVED
        self.attempt_start = -1
        self.checkpoint = 0
        self.node = None
        self.process = None


class Node:
    __slots__ = ("index", "free", "usable", "unusable_since", "unusable_ms", "listed")

    def __init__(self, index, slots):
        self.index = index
        self.free = slots
        self.usable = True
        self.unusable_since = -1
        self.unusable_ms = 0
        self.listed = 0  # bit k set: the node has an entry (maybe stale) in bucket k


class Pool:
    """A pool: its nodes, its queue and where the scheduler looks for free slots.

    `queues[r]` holds the queued tasks needing r slots, as a heap of (1000 - job priority,
    acceptance time, task number): the first task that fits is the best head among the
    classes that fit, without scanning past tasks too big for any node. `buckets[k]` is a heap
    of the indices of nodes with exactly k free slots; entries go stale as nodes change and
    are dropped when they reach the top.
    """

    def __init__(self, env, config):
        self.id = config["id"]
        self.spread = config["spread"]
        self.slots = config["slots"]
        self.price = config["price"]
        self.nodes = [Node(i, self.slots) for i in range(config["nodes"])]
        self.queues = {}
        self.buckets = [[] for _ in range(self.slots + 1)]
        for node in self.nodes:
            self.list_free(node)
        self.work_changed = env.event()

    def list_free(self, node):
        """Shows a usable node's free slots to the scheduler."""
        k = node.free
        if k and not node.listed >> k & 1:
            heapq.heappush(self.buckets[k], node.index)
            node.listed |= 1 << k

    def lowest(self, k):
        """The lowest-index usable node with exactly k free slots, or None."""
        bucket, nodes = self.buckets[k], self.nodes
        while bucket:
            node = nodes[bucket[0]]
            if node.free == k and node.usable:
                return node
            heapq.heappop(bucket)
            node.listed &= ~(1 << k)
        return None

    def most_free(self):
        for k in range(self.slots, 0, -1):
            if self.lowest(k) is not None:
                return k
        return 0

    def place(self, slots, most_free):
        """spread: the lowest-index node among those with the most free slots; pack: the
        lowest-index node with at least `slots` free."""
        if self.spread:
            return self.lowest(most_free)
        best = None
        for k in range(slots, self.slots + 1):
            node = self.lowest(k)
            if node is not None and (best is None or node.index < best.index):
                best = node
        return best


class Model:
    """One run (the scenario or its baseline) as a SimPy simulation."""

    def __init__(self, scenario):
        self.scenario = scenario
        self.env = env = simpy.Environment()
        self.pools = [Pool(env, config) for config in scenario.pools]
        self.tasks = []
        self.blocks = []  # (job config, its tasks)
        for job_index, job in enumerate(scenario.jobs):
            tasks = [Task(len(self.tasks) + i, job_index, job["slots"]) for i in range(job["count"])]
            self.tasks.extend(tasks)
            self.blocks.append((job, tasks))

        # Vault and account.
        vault = scenario.vault
        self.vault_keys = {name: [list(v) for v in versions] for name, versions in vault["keys"].items()} if vault else {}
        self.vault_policies = {p: set(perms) for p, perms in vault["policies"].items()} if vault else {}
        self.account_state = ACCESSIBLE
        self.account_since = 0
        self.account_time = {ACCESSIBLE: 0, KEY_INACCESSIBLE: 0, RECOVERING: 0}
        self.recovery_ends = -1
        self.recovery_timer = None
        self.outages = 0
        self.rejected_operations = 0
        self.key_touched = env.event()  # a vault change the account has not judged yet
        self.account_changed = env.event()  # an account transition the nodes have not seen yet
        self.nodes_held = False  # the nodes are unusable because of the account

        # Counters.
        self.unarrived = len(self.tasks)
        self.at_client = 0
        self.queued = 0
        self.running = {}  # task number -> task
        self.timeline_left = len(scenario.timeline)
        self.submitted = self.completed = self.dropped = 0
        self.rejected_submissions = 0
        self.requeued = 0
        self.lost_work = 0
        self.unusable_now = 0
        self.peak_unusable = 0
        self.finished = env.event()
        self.end_check_pending = False

    # -- running ------------------------------------------------------------------------------

    def run(self):
        env = self.env
        for job, tasks in self.blocks:
            env.process(self.arrivals(job, tasks))
        for entry in self.scenario.timeline:
            env.process(self.timeline_action(entry))
        env.process(self.account_lifecycle())
        env.process(self.nodes_follow_account())
        for pool in self.pools:
            env.process(self.scheduler(pool))
        self.key_touched.succeed()  # the account looks at its key at t = 0
        env.run(until=env.any_of([self.finished, PhaseTimeout(env, CAP_MS, END_OF_INSTANT + 1)]))
        return self.metrics(end=env.now)

    # -- processes ----------------------------------------------------------------------------

    def arrivals(self, job, tasks):
        """A job's tasks reach its client at `from + i * every` (SPEC §2 rule 8)."""
        env = self.env
        start, every = job["from"], job["every"]
        for i, task in enumerate(tasks):
            yield PhaseTimeout(env, start + i * every - env.now, SUBMISSIONS)
            self.unarrived -= 1
            task.arrival = env.now
            if not self.submit(task):
                self.rejected(task, job)

    def client_retries(self, task, job):
        """The job's client keeps a rejected task and tries again every `retryEvery`."""
        env = self.env
        while True:
            self.at_client += 1
            task.state = AT_CLIENT
            yield PhaseTimeout(env, job["retry_every"], SUBMISSIONS)
            self.at_client -= 1
            if self.submit(task):
                return
            if task.attempts >= job["max_attempts"]:
                self.drop(task)
                return

    def execute(self, task, node, pool):
        """One attempt of a task on a node; an outage interrupts it (the task is requeued)."""
        env = self.env
        try:
            yield PhaseTimeout(env, task.duration - task.checkpoint, COMPLETIONS)
        except simpy.Interrupt:
            self.requeue(task, node, pool)
            return
        self.release(task, node, pool)
        task.state = SUCCEEDED
        task.finish = env.now
        self.completed += 1
        self.maybe_finished()

    def timeline_action(self, entry):
        at, action, spec = entry
        yield PhaseTimeout(self.env, at, TIMELINE)
        self.timeline_left -= 1
        if self.apply_vault_action(action, spec) and not self.key_touched.triggered:
            self.key_touched.succeed()
        self.maybe_finished()

    def account_lifecycle(self):
        """The account judges its key once per instant with a vault change, after all of that
        instant's actions (phase 3), and when its recovery delay ends (SPEC §2 "Account states")."""
        env = self.env
        while True:
            if self.account_state == RECOVERING:
                yield env.any_of([self.key_touched, self.recovery_timer])
            else:
                yield self.key_touched
            if self.key_touched.triggered:
                yield PhaseTimeout(env, 0, ACCOUNT)
                self.key_touched = env.event()
            self.account_step()

    def nodes_follow_account(self):
        """Phase 4: every node goes unusable when the account becomes unavailable, its running
        tasks requeued; they come back when it is accessible again."""
        env = self.env
        while True:
            yield self.account_changed
            yield PhaseTimeout(env, 0, NODE_REACTION)
            self.account_changed = env.event()
            if self.account_state == ACCESSIBLE and self.nodes_held:
                self.nodes_return()
            elif self.account_state != ACCESSIBLE and not self.nodes_held:
                self.nodes_unusable()

    def scheduler(self, pool):
        """Phase 6: one dispatch pass at the end of every instant in which the pool's queue or
        free slots changed."""
        env = self.env
        while True:
            yield pool.work_changed
            yield PhaseTimeout(env, 0, DISPATCH)
            pool.work_changed = env.event()
            if self.account_state == ACCESSIBLE:
                self.dispatch(pool)

    def end_check(self):
        yield PhaseTimeout(self.env, 0, END_OF_INSTANT)
        self.end_check_pending = False
        if self.quiescent():
            self.finished.succeed()

    # -- submissions --------------------------------------------------------------------------

    def submit(self, task):
        """One client attempt (SPEC §2 rule 4): accepted only while the account is accessible."""
        task.attempts += 1
        if self.account_state == ACCESSIBLE:
            task.accepted = self.env.now
            self.submitted += 1
            self.enqueue(task)
            return True
        self.rejected_submissions += 1
        self.rejected_operations += 1
        return False

    def rejected(self, task, job):
        if job["retry_every"] > 0 and task.attempts < job["max_attempts"]:
            self.env.process(self.client_retries(task, job))
        else:
            self.drop(task)

    def drop(self, task):
        task.state = DROPPED
        self.dropped += 1
        self.maybe_finished()

    # -- scheduling ---------------------------------------------------------------------------

    def enqueue(self, task):
        job = self.scenario.jobs[task.job]
        pool = self.pools[job["pool"]]
        task.state = QUEUED
        self.queued += 1
        queue = pool.queues.get(task.slots)
        if queue is None:
            queue = pool.queues[task.slots] = []
        heapq.heappush(queue, (1000 - job["priority"], task.accepted, task.number))
        self.poke(pool)

    @staticmethod
    def poke(pool):
        if not pool.work_changed.triggered:
            pool.work_changed.succeed()

    def dispatch(self, pool):
        """Queued tasks in queue order, each on a node by the pool's fill type; a task that fits
        on no node is skipped and later, smaller ones may start (rule 9)."""
        queues, tasks = pool.queues, self.tasks
        while True:
            most_free = pool.most_free()
            if most_free == 0:
                return
            best = None
            for slots, queue in queues.items():
                if queue and slots <= most_free and (best is None or queue[0] < best[0]):
                    best = queue
            if best is None:
                return
            task = tasks[heapq.heappop(best)[2]]
            self.start(task, pool.place(task.slots, most_free), pool)

    def start(self, task, node, pool):
        env = self.env
        self.queued -= 1
        if task.duration < 0:
            job = self.scenario.jobs[task.job]
            task.duration = job["duration"].sample(self.scenario.seed, task.number)
        task.state = RUNNING
        task.attempt_start = env.now
        if task.first_start < 0:
            task.first_start = env.now
        task.node = node
        self.running[task.number] = task
        node.free -= task.slots
        pool.list_free(node)
        task.process = env.process(self.execute(task, node, pool))

    def release(self, task, node, pool):
        """Takes a task off its node; a usable node shows its slots to the scheduler again."""
        del self.running[task.number]
        task.node = task.process = None
        node.free += task.slots
        if node.usable:
            pool.list_free(node)
            self.poke(pool)

    def requeue(self, task, node, pool):
        """The task stops; progress since its last checkpoint is lost; it keeps its queue place
        and the requeue does not count against maxTaskRetryCount (rule 10)."""
        every = self.scenario.jobs[task.job]["checkpoint"]
        progress = task.checkpoint + self.env.now - task.attempt_start
        kept = progress // every * every if every > 0 else 0
        self.release(task, node, pool)
        task.checkpoint = kept
        task.requeues += 1
        self.requeued += 1
        self.lost_work += progress - kept
        self.enqueue(task)

    # -- the vault and the account ------------------------------------------------------------

    def apply_vault_action(self, action, spec):
        """Applies one key or vault action; returns whether the vault accepted it."""
        if action in ("disableKey", "enableKey"):
            versions = self.vault_keys.get(str(spec["key"]).lower())
            if not versions:
                return False
            wanted = spec.get("version")
            chosen = versions[-1] if wanted is None else next(
                (v for v in versions if v[0] == str(wanted).lower()), None)
            if chosen is None:
                return False
            chosen[1] = action == "enableKey"
            return True
        principal = str(spec.get("principal", self.scenario.principal)).lower()
        if action == "removeAccessPolicy":
            return self.vault_policies.pop(principal, None) is not None
        if action == "setAccessPolicy":
            self.vault_policies[principal] = permissions(spec.get("keyPermissions"))
            return True
        raise Unsupported(action)

    def key_accessible(self):
        scenario = self.scenario
        if scenario.key_source != "Microsoft.KeyVault":
            return True
        if scenario.identity == "None" or not scenario.key_identifier or scenario.vault is None:
            return False
        match = re.fullmatch(r"https://([^./]+)\.vault\.azure\.net/keys/([^/]+)(?:/([^/]+))?/?",
                             str(scenario.key_identifier), re.IGNORECASE)
        if not match or match.group(1).lower() != scenario.vault["name"]:
            return False
        versions = self.vault_keys.get(match.group(2).lower())
        if not versions:
            return False
        wanted = match.group(3)
        version = versions[-1] if wanted is None else next(
            (v for v in versions if v[0] == wanted.lower()), None)
        if version is None or not version[1]:
            return False
        return NEEDED_PERMISSIONS <= self.vault_policies.get(scenario.principal, set())

    def enter(self, state):
        now = self.env.now
        self.account_time[self.account_state] += now - self.account_since
        self.account_since = now
        self.account_state = state
        if state == KEY_INACCESSIBLE:
            self.outages += 1
        if state != RECOVERING and not self.account_changed.triggered:
            self.account_changed.succeed()
        self.maybe_finished()

    def account_step(self):
        """A loss is judged before the recovery timer (SPEC §2 rule 5); detection delay 0."""
        now = self.env.now
        problem = not self.key_accessible()
        for _ in range(4):  # a zero recovery delay makes two transitions in one look
            state = self.account_state
            if state == ACCESSIBLE:
                if problem:
                    self.enter(KEY_INACCESSIBLE)
                return
            if state == KEY_INACCESSIBLE:
                if problem:
                    return
                self.recovery_ends = now + self.scenario.recovery_delay
                self.recovery_timer = PhaseTimeout(self.env, self.scenario.recovery_delay, ACCOUNT)
                self.enter(RECOVERING)
            elif state == RECOVERING:
                if problem:
                    self.enter(KEY_INACCESSIBLE)
                    return
                if now < self.recovery_ends:
                    return
                self.enter(ACCESSIBLE)
                return

    def nodes_unusable(self):
        now = self.env.now
        self.nodes_held = True
        for pool in self.pools:
            for node in pool.nodes:
                node.usable = False
                node.unusable_since = now
            self.unusable_now += len(pool.nodes)
        self.peak_unusable = max(self.peak_unusable, self.unusable_now)
        for number in sorted(self.running):
            self.running[number].process.interrupt("outage")

    def nodes_return(self):
        now = self.env.now
        self.nodes_held = False
        for pool in self.pools:
            for node in pool.nodes:
                node.usable = True
                node.unusable_ms += now - node.unusable_since
                pool.list_free(node)
            self.unusable_now -= len(pool.nodes)
            self.poke(pool)

    # -- the end of the run -------------------------------------------------------------------

    def quiescent(self):
        return (self.unarrived == 0 and self.at_client == 0 and self.queued == 0 and not self.running
                and self.timeline_left == 0 and self.account_state != RECOVERING)

    def maybe_finished(self):
        """Rule 1: the run ends after the first instant at which nothing is left to happen."""
        if not self.end_check_pending and self.quiescent():
            self.end_check_pending = True
            self.env.process(self.end_check())

    # -- metrics ------------------------------------------------------------------------------

    def metrics(self, end):
        """The run's metrics (SPEC §4) as (name, kind, value): kind 'count', 'ms' (printed in
        seconds) or 'cost' (already rounded to 6 decimals); value None is null."""
        self.account_time[self.account_state] += end - self.account_since
        for pool in self.pools:
            for node in pool.nodes:
                if not node.usable:
                    node.unusable_ms += end - node.unusable_since

        waits, turnarounds = [], []
        requeued_distinct = 0
        job_done = [0] * len(self.blocks)
        job_last = [-1] * len(self.blocks)
        job_all_done = [True] * len(self.blocks)
        for task in self.tasks:
            if task.requeues:
                requeued_distinct += 1
            if task.first_start >= 0:
                waits.append(task.first_start - task.arrival)
            if task.state == SUCCEEDED:
                turnarounds.append(task.finish - task.arrival)
                job_done[task.job] += 1
                job_last[task.job] = max(job_last[task.job], task.finish)
            elif task.state != DROPPED:
                job_all_done[task.job] = False
        waits.sort()
        turnarounds.sort()
        all_done = all(job_all_done)
        last = max(job_last, default=-1)

        def percentile(p, values):
            if not values:
                return None
            rank = min(max((p * len(values) + 99) // 100, 1), len(values))
            return values[rank - 1]

        out = [
            ("tasks.submitted", "count", self.submitted),
            ("tasks.completed", "count", self.completed),
            ("tasks.failed", "count", 0),
            ("tasks.incomplete", "count", self.submitted - self.completed),
            ("tasks.dropped", "count", self.dropped),
            ("tasks.retries", "count", 0),
            ("tasks.requeued", "count", self.requeued),
            ("tasks.requeuedDistinct", "count", requeued_distinct),
            ("tasks.rejectedSubmissions", "count", self.rejected_submissions),
            ("tasks.lostWorkSeconds", "ms", self.lost_work),
            ("tasks.makespanSeconds", "ms", last if all_done and last >= 0 else None),
            ("tasks.waitSeconds.p50", "ms", percentile(50, waits)),
            ("tasks.waitSeconds.p95", "ms", percentile(95, waits)),
            ("tasks.waitSeconds.p99", "ms", percentile(99, waits)),
            ("tasks.turnaroundSeconds.p50", "ms", percentile(50, turnarounds)),
            ("tasks.turnaroundSeconds.p95", "ms", percentile(95, turnarounds)),
            ("tasks.turnaroundSeconds.p99", "ms", percentile(99, turnarounds)),
            ("tasks.turnaroundSeconds.max", "ms", percentile(100, turnarounds)),
            ("account.outages", "count", self.outages),
            ("account.unavailableSeconds", "ms", end - self.account_time[ACCESSIBLE]),
            ("account.recoveringSeconds", "ms", self.account_time[RECOVERING]),
            ("account.unrecoverable", "count", 0),
            ("account.rejectedOperations", "count", self.rejected_operations),
        ]
        unusable_total = billed_total = 0
        while_unusable = 0.0
        pool_rows = []
        for pool in self.pools:
            unusable = billed = 0
            cost = 0.0
            for node in pool.nodes:  # summed node by node, in node order, as batchsim does
                node_billed = end  # every node is asked for at t = 0 and never removed
                billed += node_billed
                unusable += node.unusable_ms
                cost += node_billed * pool.price / MS_PER_HOUR
                while_unusable += node.unusable_ms * pool.price / MS_PER_HOUR
            unusable_total += unusable
            billed_total += billed
            pool_rows.append((pool, unusable, billed, cost))
        total_cost = 0.0
        for row in pool_rows:
            total_cost += row[3]
        out += [
            ("nodes.unusableNodeSeconds", "ms", unusable_total),
            ("nodes.billedNodeSeconds", "ms", billed_total),
            ("nodes.peakUnusable", "count", self.peak_unusable),
            ("nodes.preemptions", "count", 0),
            ("nodes.preemptedNodeSeconds", "ms", 0),
            ("nodes.startTaskFailedNodes", "count", 0),
            ("cost.total", "cost", round_cost(total_cost)),
            ("cost.whileUnusable", "cost", round_cost(while_unusable)),
        ]
        for index, (job, _) in enumerate(self.blocks):
            name = "jobs." + job["id"]
            makespan = job_last[index] if job_all_done[index] and job_last[index] >= 0 else None
            out += [
                (name + ".completed", "count", job_done[index]),
                (name + ".failed", "count", 0),
                (name + ".makespanSeconds", "ms", makespan),
            ]
        for pool, unusable, billed, cost in pool_rows:
            name = "pools." + pool.id
            out += [
                (name + ".unusableNodeSeconds", "ms", unusable),
                (name + ".billedNodeSeconds", "ms", billed),
                (name + ".cost", "cost", round_cost(cost)),
                (name + ".preemptions", "count", 0),
                (name + ".preemptedNodeSeconds", "ms", 0),
                (name + ".startTaskFailedNodes", "count", 0),
                (name + ".autoscaleEvaluations", "count", 0),
                (name + ".autoscaleFailures", "count", 0),
                (name + ".autoscaleSkipped", "count", 0),
                (name + ".peakNodes", "count", len(pool.nodes)),
            ]
        return end, out


# ---------------------------------------------------------------------------------------------
# Summary (summary.json's layout) and comparison.


def round_cost(value):
    rounded = round_half_away(value * 1_000_000) / 1_000_000
    return 0.0 if rounded == 0 else rounded


def decimal_text(units, places):
    """units / 10**places in plain decimal notation without trailing zeros."""
    sign = "-" if units < 0 else ""
    whole, fraction = divmod(abs(units), 10**places)
    if fraction == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{str(fraction).rjust(places, '0').rstrip('0')}"


def value_text(kind, value):
    if value is None:
        return "null"
    if kind == "count":
        return str(value)
    if kind == "ms":
        return decimal_text(value, 3)
    return decimal_text(round_half_away(value * 1_000_000), 6)


def minus(kind, a, b):
    if a is None or b is None:
        return None
    return round_cost(a - b) if kind == "cost" else a - b


SHORT_IMPACT = [
    ("impact.makespanDelaySeconds", "tasks.makespanSeconds"),
    ("impact.lostWorkSeconds", "tasks.lostWorkSeconds"),
    ("impact.extraNodeSeconds", "nodes.billedNodeSeconds"),
    ("impact.extraCost", "cost.total"),
    ("impact.turnaroundSeconds.p95", "tasks.turnaroundSeconds.p95"),
]


def summary_text(scenario, end, metrics, baseline):
    """The summary as JSON text, in summary.json's layout and number formats."""
    rows = [(name, value_text(kind, value)) for name, kind, value in metrics]
    header = [
        ("scenario", json.dumps(scenario.name)),
        ("description", json.dumps(scenario.description)),
        ("seed", str(scenario.seed)),
        ("model", json.dumps(f"SimPy {simpy.__version__} reference model (scripts/simpy-reference)")),
        ("endSeconds", decimal_text(end, 3)),
    ]
    if baseline is not None:
        base_end, base_metrics = baseline
        header.append(("baselineEndSeconds", decimal_text(base_end, 3)))
        rows += [("baseline." + name, value_text(kind, value)) for name, kind, value in base_metrics]
        impact = {}
        for (name, kind, a), (_, _, b) in zip(metrics, base_metrics):
            impact[name] = value_text(kind, minus(kind, a, b))
        rows += [("impact." + name, text) for name, text in impact.items()]
        rows += [(short, impact[long]) for short, long in SHORT_IMPACT]
    lines = ["{"] + [f"  {json.dumps(k)}: {v}," for k, v in header]
    lines.append('  "metrics": {')
    lines += [f"    {json.dumps(k)}: {v}" + ("," if i < len(rows) - 1 else "") for i, (k, v) in enumerate(rows)]
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def compare(simpy_path, batchsim_path):
    """Lists every metric (and end time) whose value differs; returns the number of differences."""
    def load(path):
        with open(path) as handle:
            doc = json.load(handle, parse_float=Decimal, parse_int=Decimal)
        values = dict(doc.get("metrics", {}))
        for key in ("endSeconds", "baselineEndSeconds"):
            if key in doc:
                values[key] = doc[key]
        return values

    ours, theirs = load(simpy_path), load(batchsim_path)
    differences = 0
    for name in list(theirs) + [n for n in ours if n not in theirs]:
        a, b = ours.get(name, "missing"), theirs.get(name, "missing")
        if a != b:
            differences += 1
            print(f"DIFF {name}: simpy={a} batchsim={b}")
    same = len(set(ours) & set(theirs)) - sum(1 for n in set(ours) & set(theirs) if ours[n] != theirs[n])
    print(f"compared {len(set(ours) | set(theirs))} values: {same} equal, {differences} differ")
    return differences


# ---------------------------------------------------------------------------------------------
# A small YAML reader, used only when PyYAML is missing: block mappings and sequences, flow
# mappings and sequences on one line, plain and quoted scalars (plain ones may continue on
# more-indented lines), simple block scalars, comments. Enough for the benchmark scenarios.


def _strip_comment(line):
    quote = None
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
    return line


def _scalar(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?", text):
        return float(text)
    return text


def _flow(text, i):
    """Parses a flow value at text[i]; returns (value, next index)."""
    while text[i] == " ":
        i += 1
    if text[i] in "{[":
        closing = "}" if text[i] == "{" else "]"
        mapping = text[i] == "{"
        result = {} if mapping else []
        i += 1
        while True:
            while text[i] in " ,":
                i += 1
            if text[i] == closing:
                return result, i + 1
            if mapping:
                colon = text.index(":", i)
                key = _scalar(text[i:colon])
                value, i = _flow(text, colon + 1)
                result[key] = value
            else:
                value, i = _flow(text, i)
                result.append(value)
    if text[i] in "'\"":
        end = text.index(text[i], i + 1)
        return text[i + 1:end], end + 1
    end = i
    while end < len(text) and text[end] not in ",}]":
        end += 1
    return _scalar(text[i:end]), end


def _value(text):
    text = text.strip()
    return _flow(text, 0)[0] if text[:1] in "{[" else _scalar(text)


def _split_key(text):
    match = re.match(r"""^("[^"]*"|'[^']*'|[^:{}\[\]]+?):(\s+|$)(.*)$""", text)
    return (_scalar(match.group(1)), match.group(3)) if match else None


def mini_yaml(source):
    lines = []
    for raw in source.splitlines():
        line = _strip_comment(raw).rstrip()
        if line.strip():
            lines.append([len(line) - len(line.lstrip()), line.strip()])

    def block(i, indent):
        if lines[i][1].startswith("- ") or lines[i][1] == "-":
            items = []
            while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("-"):
                rest = lines[i][1][1:].strip()
                if not rest:
                    value, i = block(i + 1, lines[i + 1][0])
                elif _split_key(rest) and rest[0] not in "{[":
                    lines[i] = [indent + 2, rest]
                    value, i = block(i, indent + 2)
                else:
                    value, i = _value(rest), i + 1
                items.append(value)
            return items, i
        mapping = {}
        while i < len(lines) and lines[i][0] == indent:
            key, rest = _split_key(lines[i][1])
            rest = rest.strip()
            i += 1
            more = []  # more-indented lines: a block scalar's or a plain scalar's continuation
            while i < len(lines) and lines[i][0] > indent and (rest[:1] in ("|", ">") or
                                                               (rest and rest[0] not in "{['\"")):
                more.append(lines[i][1])
                i += 1
            if rest[:1] in ("|", ">"):
                text = ("\n" if rest[0] == "|" else " ").join(more)
                mapping[key] = text if rest.endswith("-") else text + "\n"
            elif more:
                mapping[key] = " ".join([rest] + more)
            elif rest:
                mapping[key] = _value(rest)
            elif i < len(lines) and (lines[i][0] > indent or
                                     (lines[i][0] == indent and lines[i][1].startswith("-"))):
                mapping[key], i = block(i, lines[i][0])
            else:
                mapping[key] = None
        return mapping, i

    return block(0, lines[0][0])[0] if lines else {}


def load_scenario(path):
    with open(path) as handle:
        source = handle.read()
    if path.endswith(".json"):
        return json.loads(source)
    try:
        import yaml
    except ImportError:
        return mini_yaml(source)
    return yaml.safe_load(source)


# ---------------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="simulate a scenario and its baseline")
    run.add_argument("scenario")
    run.add_argument("--out", help="write the summary here (default: standard output)")
    run.add_argument("--no-baseline", action="store_true", help="simulate the scenario only")
    run.add_argument("--seed", type=int, help="override the scenario's seed (as batchsim run --seed)")
    check = commands.add_parser("compare", help="list the metrics that differ between two summaries")
    check.add_argument("simpy_summary")
    check.add_argument("batchsim_summary")
    commands.add_parser("self-check", help="check the unrolled duration draw against the plain stream")
    args = parser.parse_args(argv)

    if args.command == "compare":
        return 1 if compare(args.simpy_summary, args.batchsim_summary) else 0
    if args.command == "self-check":
        self_check()
        print("unrolled task-duration draws agree with RandomStream")
        return 0

    started = time.perf_counter()
    try:
        scenario = Scenario(load_scenario(args.scenario))
        if args.seed is not None:
            scenario.seed = args.seed & MASK
    except Unsupported as error:
        print(f"model.py: {args.scenario}: outside the modelled subset: {error}", file=sys.stderr)
        return 2
    end, metrics = Model(scenario).run()
    baseline = None if args.no_baseline else Model(scenario.baseline()).run()
    text = summary_text(scenario, end, metrics, baseline)
    if args.out:
        with open(args.out, "w") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    print(f"simpy model: {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
