# Independent literal reading of SPEC for a subset (no randomness).
import math
CAP = 30*86400000
def pct(vals, p):
    if not vals: return None
    s = sorted(vals); r = max(1, math.ceil(p*len(s)/100)); return s[r-1]

def simulate(sc, baseline=False):
    D = sc['detection']; R = sc['recovery']; horizon = sc.get('horizon')
    limit = horizon if horizon is not None else CAP
    timeline = [a for a in sc['timeline'] if not baseline or a['action'] in ('resizePool','submitTasks','deleteAccount')]
    versions = [dict(v) for v in sc['versions2']]
    ident = sc['ident']  # version id or None (versionless)
    V = dict(deleted=False, purged=False, kdeleted=False, kpurged=False, fw=None, perms={'get','wrapkey','unwrapkey'},
             kdel_at=None, vdel_at=None)
    keySource = 'KV'
    DAY = 86400000
    def key_ok(t):
        if keySource == 'B': return True
        if V['purged'] or V['deleted']: return False
        if V['fw'] is False: return False
        if V['kpurged'] or V['kdeleted']: return False
        if ident is None: v = versions[-1] if versions else None
        else:
            m = [x for x in versions if x['id'] == ident]; v = m[-1] if m else None
        if v is None or not v['enabled']: return False
        if v.get('nbf') is not None and t < v['nbf']: return False
        if sc['blocks'] and v.get('exp') is not None and t >= v['exp']: return False
        return {'get','wrapkey','unwrapkey'} <= V['perms']
    def purged_now():
        return keySource=='KV' and (V['purged'] or V['kpurged'])
    state = 'accessible'; since = 0; tin = {}; lossStart = None; recEnd = None; outages = 0; rejops = 0
    pools = sc['pools']; jobs = sc['jobs']
    nodes = []  # dict pool, idx, state, alloc_state, alloc_at, idle_at, req, removed, free, ustart, unusable
    poolcount = [0]*len(pools)
    peak = 0
    def unusable_count(): return sum(1 for n in nodes if n['removed'] is None and n['hidden'])
    def add_node(p, t, low=False):
        pc = pools[p]; idx = poolcount[p]; poolcount[p]+=1
        a = t + pc['alloc']; s = a + pc['start']
        nodes.append(dict(pool=p, idx=idx, low=low, req=t, removed=None, alloc_at=a, idle_at=s, free=pc['slots'],
                          unus=0, ustart=None, hidden=False))
    def nstate(n, t):  # natural allocation state at t
        return 'idle' if t >= n['idle_at'] else 'creating'
    for p, pc in enumerate(pools):
        for _ in range(pc['nodes']): add_node(p, 0)
        for _ in range(pc.get('low',0)): add_node(p, 0, True)
    # tasks
    tasks = []
    blocks = []
    for j, jb in enumerate(jobs): blocks.append((j, jb['tasks'], None))
    for ai, a in enumerate(timeline):
        if a['action']=='submitTasks': blocks.append((a['job'], a['tasks'], ai))
    for (j, tb, ai) in blocks:
        for i in range(tb['count']):
            tasks.append(dict(job=j, dur=tb['duration'], slots=tb.get('slots',1), ck=tb.get('ckpt',0), block=ai, i=i, tb=tb,
                              arrival=None, accepted=None, first=None, finish=None, phase='pending', attempts=0,
                              checkpoint=0, node=None, astart=None, end=None, requeues=0, next_try=None, retries=0))
    # arrival times
    def arr_time(tb, i, base):
        a = tb.get('arrival', ('at', 0))
        if a[0]=='at': return base + a[1]
        return base + a[2] + i*a[1]
    for t_ in tasks:
        if t_['block'] is None: t_['next_try'] = arr_time(t_['tb'], t_['i'], 0)
    tl_done = [False]*len(timeline)
    submitted=completed=dropped=requeued=0; lost=0; rejsub=0
    def requeue(t_, t):
        nonlocal requeued, lost
        prog = t_['checkpoint'] + (t - t_['astart']); kept = (prog//t_['ck'])*t_['ck'] if t_['ck'] else 0
        lost += prog - kept; t_['checkpoint'] = kept; t_['requeues'] += 1; requeued += 1
        n = t_['node']; n['free'] += t_['slots']; t_['node']=None; t_['phase']='queued'; t_['end']=None
    def set_unusable(n, t):
        if not n['hidden']: n['hidden']=True; n['ustart']=t
    def clear_unusable(n, t):
        if n['hidden']: n['hidden']=False; n['unus'] += t - n['ustart']; n['ustart']=None
    def trans(new, t):
        nonlocal state, since, outages
        tin[state] = tin.get(state,0) + t - since; since = t; prev = state; state = new
        if new=='keyInaccessible': outages += 1
        if new in ('keyInaccessible','unrecoverable') and prev=='accessible':
            for n in nodes:
                if n['removed'] is None: set_unusable(n, t)
            for t_ in sorted(tasks, key=lambda x: tasks.index(x)):
                if t_['phase']=='running': requeue(t_, t)
        if new=='accessible':
            for n in nodes:
                if n['removed'] is None: clear_unusable(n, t)
        if new=='deleted':
            remove([n for n in nodes if n['removed'] is None], t)
    def remove(ns, t):
        for n in ns:
            clear_unusable(n, t); n['removed']=t
        for t_ in tasks:
            if t_['phase']=='running' and t_['node']['removed'] is not None: requeue(t_, t)
    def usable(n, t): return n['removed'] is None and not n['hidden'] and t >= n['idle_at']
    def attempt(t_, t):
        nonlocal submitted, rejsub, rejops, dropped
        t_['attempts'] += 1
        if t_['arrival'] is None: t_['arrival'] = t
        if state=='accessible':
            t_['accepted']=t; t_['phase']='queued'; submitted+=1; t_['next_try']=None; return
        rejsub += 1; rejops += 1
        cl = jobs[t_['job']].get('client')
        if cl and t_['attempts'] < cl[1]: t_['next_try'] = t + cl[0]; t_['phase']='atClient'
        else: t_['next_try']=None; t_['phase']='dropped'; dropped += 1
    t = 0; end = None
    nonlocal_counts = dict(retries=0, failed=0)
    while True:
        # phase 1
        for t_ in tasks:
            if t_['phase']=='running' and t_['end']==t:
                t_['node']['free'] += t_['slots']; t_['node']=None
                if t_['tb'].get('fail'):
                    if t_['retries'] < t_['tb'].get('maxr',0):
                        t_['retries'] += 1; nonlocal_counts['retries'] += 1; t_['checkpoint']=0; t_['phase']='queued'; t_['end']=None; continue
                    t_['phase']='failed'; t_['finish']=t; nonlocal_counts['failed'] += 1; continue
                t_['phase']='done'; t_['finish']=t; completed+=1
        # phase 2
        for ai, a in enumerate(timeline):
            if a['at'] != t: continue
            tl_done[ai] = True; act = a['action']
            vault_act = act in ('disableKey','enableKey','addKeyVersion','deleteKey','recoverKey','purgeKey','deleteVault','recoverVault','purgeVault','denyNetworkAccess','allowNetworkAccess','setAccessPolicy','removeAccessPolicy')
            if vault_act:
                if V['purged']: continue
                if act=='recoverVault':
                    if V['deleted']: V['deleted']=False; V['vdel_at']=None
                    continue
                if act=='purgeVault':
                    if V['deleted'] and not sc['pp']: V['purged']=True
                    continue
                if V['deleted']: continue
                if act=='deleteVault':
                    if sc['sd']: V['deleted']=True; V['vdel_at']=t
                    else: V['purged']=True
                    continue
                if act=='denyNetworkAccess': V['fw'] = a['trusted']; continue
                if act=='allowNetworkAccess': V['fw'] = None; continue
                if act=='setAccessPolicy': V['perms'] = set(a['perms']); continue
                if act=='removeAccessPolicy': V['perms'] = set(); continue
                if V['kpurged']: continue
                if act=='recoverKey':
                    if V['kdeleted']: V['kdeleted']=False; V['kdel_at']=None
                    continue
                if act=='purgeKey':
                    if V['kdeleted'] and not sc['pp']: V['kpurged']=True
                    continue
                if V['kdeleted']: continue
                if act=='deleteKey':
                    if sc['sd']: V['kdeleted']=True; V['kdel_at']=t
                    else: V['kpurged']=True
                    continue
            if act in ('disableKey','enableKey'):
                v = a.get('version'); m = [x for x in versions if x['id']==v] if v else versions[-1:]
                for x in m[-1:]: x['enabled'] = act=='enableKey'
            elif act=='addKeyVersion': versions.append(dict(id=a['version'], enabled=True))
            elif act in ('setKeyIdentifier','useMicrosoftManagedKey','useCustomerManagedKey'):
                if state=='accessible':
                    if act=='setKeyIdentifier': ident = a['version']; keySource='KV'
                    elif act=='useMicrosoftManagedKey': keySource='B'
                    else:
                        keySource='KV'
                        if 'version' in a: ident = a['version']
                else: rejops+=1
            elif act=='deleteAccount':
                if state!='deleted': trans('deleted', t)
                else: rejops+=1
            elif act=='resizePool':
                if state!='accessible': rejops+=1; continue
                p = a['pool']; rm = []
                for low, key in ((False,'n'),(True,'low')):
                    if a.get(key) is None: continue
                    live = [n for n in nodes if n['pool']==p and n['removed'] is None and n['low']==low]
                    if a[key] > len(live):
                        for _ in range(a[key]-len(live)): add_node(p, t, low)
                    elif a[key] < len(live):
                        rm += sorted(live, key=lambda n: -n['idx'])[:len(live)-a[key]]
                remove(rm, t)
            elif act=='submitTasks':
                for t_ in tasks:
                    if t_['block']==ai: t_['next_try'] = arr_time(t_['tb'], t_['i'], t)
        if V['kdel_at'] is not None and V['kdeleted'] and not V['kpurged'] and not V['purged'] and t == V['kdel_at'] + sc['ret']*DAY: V['kpurged']=True
        if V['vdel_at'] is not None and V['deleted'] and not V['purged'] and t == V['vdel_at'] + sc['ret']*DAY: V['purged']=True
        if sc['rot'] and t > 0 and t % sc['rot'] == 0:
            if not (V['deleted'] or V['purged'] or V['kdeleted'] or V['kpurged']): versions.append(dict(id=f"auto-{t//sc['rot']}", enabled=True))
        # phase 3
        if state not in ('deleted','unrecoverable') and purged_now():
            trans('unrecoverable', t)
        if state not in ('deleted','unrecoverable'):
            ok = key_ok(t)
            for _ in range(3):
                if state=='accessible':
                    if ok: lossStart=None; break
                    if lossStart is None: lossStart=t
                    if t - lossStart >= D: trans('keyInaccessible', t)
                    break
                elif state=='keyInaccessible':
                    if not ok: break
                    recEnd = t + R; trans('recovering', t)
                elif state=='recovering':
                    if not ok: trans('keyInaccessible', t); break
                    if t >= recEnd: lossStart=None; trans('accessible', t)
                    break
        # nodes newly allocated during outage stay hidden; nodes added while inaccessible n/a
        peak = max(peak, unusable_count())
        # phase 5
        for t_ in tasks:
            if t_['next_try']==t and t_['phase'] in ('pending','atClient'): attempt(t_, t)
        # phase 6
        if state=='accessible':
            q = [x for x in tasks if x['phase']=='queued']
            q.sort(key=lambda x: (-jobs[x['job']].get('priority',0), x['accepted'], tasks.index(x)))
            for x in q:
                cands = [n for n in nodes if n['pool']==jobs[x['job']]['pool'] and usable(n,t) and n['free']>=x['slots']]
                if not cands: continue
                if pools[jobs[x['job']]['pool']]['fill']=='spread':
                    m = max(n['free'] for n in cands); n = min((n for n in cands if n['free']==m), key=lambda n: n['idx'])
                else: n = min(cands, key=lambda n: n['idx'])
                n['free'] -= x['slots']; x['node']=n; x['phase']='running'; x['astart']=t
                if x['first'] is None: x['first']=t
                x['end'] = t + x['dur'] - x['checkpoint']
        # end check
        nxt = []
        nxt += [x['end'] for x in tasks if x['phase']=='running']
        nxt += [x['next_try'] for x in tasks if x['next_try'] is not None and x['next_try']>t]
        nxt += [a['at'] for ai,a in enumerate(timeline) if not tl_done[ai]]
        nxt += [n['idle_at'] for n in nodes if n['removed'] is None and n['idle_at']>t]
        if state=='accessible' and lossStart is not None: nxt.append(lossStart + D)
        if state=='recovering': nxt.append(recEnd)
        if V['kdel_at'] is not None: nxt.append(V['kdel_at'] + sc['ret']*DAY)
        if V['vdel_at'] is not None: nxt.append(V['vdel_at'] + sc['ret']*DAY)
        if sc['rot']: nxt.append((t//sc['rot']+1)*sc['rot'])
        for v in versions:
            for k in ('nbf','exp'):
                if v.get(k) is not None: nxt.append(v[k])
        if horizon is None:
            quiet = (all(x['phase'] in ('done','dropped','failed') or (x['phase']=='queued' and False) for x in tasks if x['phase']!='pending' or x['next_try'] is not None)
                     and not any(x['phase'] in ('queued','running','atClient') for x in tasks)
                     and not any(x['phase']=='pending' for x in tasks)
                     and all(tl_done) and state!='recovering' and not (state=='accessible' and lossStart is not None))
            if quiet: end = t; break
        nxt = [x for x in nxt if x > t]
        if not nxt or min(nxt) > limit: end = limit; break
        t = min(nxt)
    tin[state] = tin.get(state,0) + end - since
    for n in nodes:
        if n['removed'] is None: clear_unusable(n, end)
    allfin = all(x['phase'] in ('done','dropped','failed') for x in tasks)
    fins = [x['finish'] for x in tasks if x['finish'] is not None]
    waits = [x['first']-x['arrival'] for x in tasks if x['first'] is not None]
    turns = [x['finish']-x['arrival'] for x in tasks if x['finish'] is not None]
    S = lambda v: None if v is None else v/1000
    m = {
      'tasks.submitted': submitted, 'tasks.failed': nonlocal_counts['failed'], 'tasks.retries': nonlocal_counts['retries'],
      'account.unrecoverable': 1 if state=='unrecoverable' else 0, 'tasks.completed': completed, 'tasks.dropped': dropped,
      'tasks.requeued': requeued, 'tasks.requeuedDistinct': sum(1 for x in tasks if x['requeues']),
      'tasks.rejectedSubmissions': rejsub, 'tasks.lostWorkSeconds': S(lost),
      'tasks.makespanSeconds': S(max(fins)) if allfin and fins else None,
      'tasks.waitSeconds.p50': S(pct(waits,50)), 'tasks.waitSeconds.p95': S(pct(waits,95)),
      'tasks.turnaroundSeconds.p50': S(pct(turns,50)), 'tasks.turnaroundSeconds.max': S(pct(turns,100)),
      'account.outages': outages, 'account.unavailableSeconds': S(end - tin.get('accessible',0)),
      'account.recoveringSeconds': S(tin.get('recovering',0)), 'account.rejectedOperations': rejops,
      'nodes.unusableNodeSeconds': S(sum(n['unus'] for n in nodes)),
      'nodes.billedNodeSeconds': S(sum((n['removed'] if n['removed'] is not None else end) - n['req'] for n in nodes)),
      'nodes.peakUnusable': peak,
    }
    tot = 0.0; wu = 0.0
    for p, pc in enumerate(pools):
        c = 0.0
        for n in nodes:
            if n['pool'] != p: continue
            price = pc['plow'] if n['low'] else pc['pded']
            c += ((n['removed'] if n['removed'] is not None else end) - n['req']) * price / 3600000
            wu += n['unus'] * price / 3600000
        m[f"pools.p{p}.cost"] = round(c, 6); tot += c
    m['cost.total'] = round(tot, 6); m['cost.whileUnusable'] = round(wu, 6)
    for j, jb in enumerate(jobs):
        jm_failed = 0
        jt = [x for x in tasks if x['job']==j]
        jf = [x['finish'] for x in jt if x['finish'] is not None]
        m[f"jobs.{jb['id']}.completed"] = sum(1 for x in jt if x['phase']=='done')
        m[f"jobs.{jb['id']}.makespanSeconds"] = S(max(jf)) if jf and all(x['phase'] in ('done','dropped','failed') for x in jt) else None
    return m, end
