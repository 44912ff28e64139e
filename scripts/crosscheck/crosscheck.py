"""Differential check: random scenarios through `batchsim run` and through reference.py (see README.md)."""
import random, json, subprocess, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import simulate
M = 60000
import tempfile
WORK = tempfile.mkdtemp(prefix='batchsim-crosscheck-')
def gen(rng):
    sc = {'detection': rng.choice([0,0,5,10])*M, 'recovery': rng.choice([0,10,5])*M,
          'horizon': rng.choice([None, None, rng.randint(4,40)*5*M, 2*86400000]),
          'ident': rng.choice(['v1','v2',None]), 'blocks': rng.random()<0.5, 'pp': rng.random()<0.5,
          'sd': rng.random()<0.8, 'ret': 1, 'rot': rng.choice([None,None,rng.randint(2,12)*5*M])}
    v2 = dict(id='v2', enabled=rng.random()<0.8)
    if rng.random()<0.3: v2['nbf'] = rng.randint(0,10)*5*M
    if rng.random()<0.3: v2['exp'] = rng.randint(0,16)*5*M
    sc['versions2'] = [dict(id='v1', enabled=True), v2]
    np_ = rng.randint(1,2)
    sc['pools'] = [dict(nodes=rng.randint(0,3), low=rng.randint(0,2), slots=rng.randint(1,3), fill=rng.choice(['spread','pack']),
                        alloc=rng.choice([0,0,5])*M, start=rng.choice([0,0,5])*M,
                        pded=rng.choice([0,0.192,1.0]), plow=rng.choice([0,0.038,0.5])) for _ in range(np_)]
    jobs = []
    for j in range(rng.randint(1,3)):
        p = rng.randrange(np_)
        tb = dict(count=rng.randint(0,5), duration=rng.randint(1,8)*5*M, slots=rng.randint(1, sc['pools'][p]['slots']),
                  ckpt=rng.choice([0,0,5*M,7*M]), fail=rng.random()<0.25, maxr=rng.randint(0,2))
        tb['arrival'] = rng.choice([('at', rng.randint(0,6)*5*M), ('every', rng.randint(1,3)*5*M, rng.randint(0,4)*5*M)])
        jb = dict(id=f'j{j}', pool=p, priority=rng.choice([0,0,5,-5]), tasks=tb)
        if rng.random()<0.5: jb['client'] = (rng.randint(1,3)*5*M, rng.randint(1,5))
        jobs.append(jb)
    sc['jobs'] = jobs
    acts = ['disableKey','enableKey','resizePool','submitTasks','deleteAccount','addKeyVersion','setKeyIdentifier',
            'deleteKey','recoverKey','purgeKey','deleteVault','recoverVault','purgeVault','denyNetworkAccess','allowNetworkAccess',
            'setAccessPolicy','removeAccessPolicy','useMicrosoftManagedKey','useCustomerManagedKey']
    tl = []
    for _ in range(rng.randint(0,10)):
        at = rng.randint(0,16)*5*M
        act = rng.choice(acts)
        e = dict(at=at, action=act)
        if act in ('disableKey','enableKey'): e['version'] = rng.choice([None,'v1','v2'])
        if act=='resizePool':
            e['pool']=rng.randrange(np_); e['n']=rng.choice([None,0,1,2,3]); e['low']=rng.choice([None,0,1,2])
            if e['n'] is None and e['low'] is None: e['n']=1
        if act=='submitTasks':
            j = rng.randrange(len(jobs)); base = jobs[j]['tasks']
            e['job']=j; e['tasks']=dict(base); e['tasks'].update(count=rng.randint(1,3), duration=rng.randint(1,6)*5*M,
                                        arrival=rng.choice([('at',0),('at',rng.randint(0,2)*5*M),('every',rng.randint(1,2)*5*M,0)]))
        if act=='addKeyVersion': e['version']=f'v{rng.randint(3,9)}'
        if act=='setKeyIdentifier': e['version']=rng.choice(['v1','v2',None])
        if act=='useCustomerManagedKey' and rng.random()<0.5: e['version']=rng.choice(['v1','v2',None])
        if act=='denyNetworkAccess': e['trusted']=rng.random()<0.5
        if act=='setAccessPolicy': e['perms']=rng.choice([['get','wrapkey','unwrapkey'],['get','wrapkey']])
        if act=='deleteAccount' and rng.random()<0.7: continue
        tl.append(e)
    tl.sort(key=lambda e: e['at'])
    seen=set(); tl2=[]
    for e in tl:
        if e['action']=='addKeyVersion':
            if e['version'] in seen: continue
            seen.add(e['version'])
        tl2.append(e)
    sc['timeline']=tl2
    return sc
def dur(ms): return f"{ms}ms"
def arr(a): return f"{{at: {dur(a[1])}}}" if a[0]=='at' else f"{{every: {dur(a[1])}, from: {dur(a[2])}}}"
def ident(v): return "https://contoso-kv.vault.azure.net/keys/k" + (f"/{v}" if v else "")
def to_yaml(sc):
    L = ["name: fz"]
    if sc['horizon'] is not None: L.append(f"horizon: {dur(sc['horizon'])}")
    v2 = sc['versions2'][1]
    v2s = f"{{id: v2, enabled: {'true' if v2['enabled'] else 'false'}" + (f", notBefore: {dur(v2['nbf'])}" if 'nbf' in v2 else "") + (f", expires: {dur(v2['exp'])}" if 'exp' in v2 else "") + "}"
    L += ["account:", f"  detectionDelay: {dur(sc['detection'])}", f"  recoveryDelay: {dur(sc['recovery'])}",
          f"  expiredKeyBlocksAccess: {'true' if sc['blocks'] else 'false'}",
          "  encryption:", f"    keyIdentifier: {ident(sc['ident'])}",
          "keyVault:", "  name: contoso-kv", f"  softDelete: {'true' if sc['sd'] else 'false'}",
          f"  purgeProtection: {'true' if sc['pp'] else 'false'}", f"  retentionDays: {sc['ret']}",
          "  accessPolicies:", "    - principal: account",
          "      keyPermissions: [get, wrapKey, unwrapKey]", "  keys:", "    - name: k", f"      versions: [v1, {v2s}]"]
    if sc['rot']: L.append(f"      rotationPolicy: {{rotateEvery: {dur(sc['rot'])}}}")
    L.append("pools:")
    for i,p in enumerate(sc['pools']):
        L += [f"  - id: p{i}", f"    dedicatedNodes: {p['nodes']}", f"    lowPriorityNodes: {p['low']}", f"    taskSlotsPerNode: {p['slots']}",
              f"    nodeFillType: {p['fill']}", f"    allocationDelay: {dur(p['alloc'])}",
              f"    pricePerNodeHour: {{dedicated: {p['pded']}, lowPriority: {p['plow']}}}"]
        if p['start']: L.append(f"    startTask: {{duration: {dur(p['start'])}}}")
    L.append("jobs:")
    for j in sc['jobs']:
        tb = j['tasks']
        L += [f"  - id: {j['id']}", f"    pool: p{j['pool']}", f"    priority: {j['priority']}",
              f"    tasks: {{count: {tb['count']}, duration: {dur(tb['duration'])}, requiredSlots: {tb['slots']}, arrival: {arr(tb['arrival'])}"
              + (f", checkpointEvery: {dur(tb['ckpt'])}" if tb['ckpt'] else "")
              + (f", failureProbability: 1, maxTaskRetryCount: {tb['maxr']}" if tb['fail'] else "") + "}"]
        if 'client' in j: L.append(f"    client: {{onRejected: {{retryEvery: {dur(j['client'][0])}, maxAttempts: {j['client'][1]}}}}}")
    if sc['timeline']:
        L.append("timeline:")
        for e in sc['timeline']:
            L.append(f"  - at: {dur(e['at'])}"); L.append(f"    action: {e['action']}")
            a = e['action']
            if a in ('disableKey','enableKey'):
                L.append("    key: k")
                if e['version']: L.append(f"    version: {e['version']}")
            if a in ('deleteKey','recoverKey','purgeKey'): L.append("    key: k")
            if a=='addKeyVersion': L += ["    key: k", f"    version: {e['version']}"]
            if a=='setKeyIdentifier' or (a=='useCustomerManagedKey' and 'version' in e): L.append(f"    keyIdentifier: {ident(e['version'])}")
            if a=='denyNetworkAccess': L.append(f"    allowTrustedServices: {'true' if e['trusted'] else 'false'}")
            if a=='setAccessPolicy': L.append(f"    keyPermissions: [{', '.join(e['perms'])}]")
            if a=='resizePool':
                L.append(f"    pool: p{e['pool']}")
                if e['n'] is not None: L.append(f"    dedicatedNodes: {e['n']}")
                if e['low'] is not None: L.append(f"    lowPriorityNodes: {e['low']}")
            if a=='submitTasks':
                tb = e['tasks']
                L += [f"    job: {sc['jobs'][e['job']]['id']}", f"    tasks: {{count: {tb['count']}, duration: {dur(tb['duration'])}, arrival: {arr(tb['arrival'])}}}"]
    return "\n".join(L)+"\n"
def run_engine(path):
    out = path + ".out"
    subprocess.run(['rm','-rf',out])
    r = subprocess.run([os.environ.get('BATCHSIM', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../.build/debug/batchsim')),'run',path,'--out',out,'--json','--no-report','--no-events'], capture_output=True, text=True)
    try: d = json.load(open(out+'/summary.json'))
    except Exception: return None, r.stdout+r.stderr
    return d, None
def flat(d, p=''):
    r={}
    for k,v in d.items():
        if isinstance(v, dict): r.update(flat(v, p+k+'.'))
        else: r[p+k]=v
    return r
if __name__=='__main__':
    seed0 = int(sys.argv[1]); n = int(sys.argv[2])
    bad = 0
    for s in range(seed0, seed0+n):
        rng = random.Random(s); sc = gen(rng)
        path = os.path.join(WORK, f'd{s}.yaml'); open(path,'w').write(to_yaml(sc))
        d, err = run_engine(path)
        if d is None: print(s, 'ERR', err[:300]); bad+=1; continue
        f = flat(d)
        for variant, prefix in ((False,'metrics.'),(True,'metrics.baseline.')):
            m, end = simulate(sc, baseline=variant)
            diffs = []
            for k,v in m.items():
                ev = f.get(prefix+k, 'MISSING')
                if ev != v and not (isinstance(ev,(int,float)) and isinstance(v,(int,float)) and abs(ev-v)<1e-9): diffs.append((k, ev, v))
            if diffs:
                bad += 1; print(s, 'baseline' if variant else 'scenario', diffs[:6]); break
        else:
            os.remove(path)
    print('bad', bad)
