import random, json, subprocess, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reference import simulate
M = 60000
import tempfile
WORK = tempfile.mkdtemp(prefix='batchsim-crosscheck-')
def gen(rng):
    sc = {'detection': rng.choice([0,0,2,5])*M, 'recovery': rng.choice([0,10,3])*M,
          'horizon': rng.choice([None, None, rng.randint(20,200)*M]), 'versions': ['v1','v2'],
          'ident': rng.choice(['v1','v2',None])}
    np_ = rng.randint(1,2)
    sc['pools'] = [dict(nodes=rng.randint(0,3), slots=rng.randint(1,3), fill=rng.choice(['spread','pack']),
                        alloc=rng.choice([0,0,3])*M, start=rng.choice([0,0,2])*M) for _ in range(np_)]
    jobs = []
    for j in range(rng.randint(1,3)):
        p = rng.randrange(np_)
        tb = dict(count=rng.randint(0,5), duration=rng.randint(1,40)*M, slots=rng.randint(1, sc['pools'][p]['slots']),
                  ckpt=rng.choice([0,0,7*M]))
        a = rng.choice([('at', rng.randint(0,30)*M), ('every', rng.randint(1,10)*M, rng.randint(0,20)*M)])
        tb['arrival'] = a
        jb = dict(id=f'j{j}', pool=p, priority=rng.choice([0,0,5,-5]), tasks=tb)
        if rng.random()<0.5: jb['client'] = (rng.randint(1,8)*M, rng.randint(1,5))
        jobs.append(jb)
    sc['jobs'] = jobs
    tl = []
    for _ in range(rng.randint(0,6)):
        at = rng.randint(0,80)*M
        act = rng.choice(['disableKey','enableKey','disableKey','enableKey','resizePool','submitTasks','deleteAccount','addKeyVersion','setKeyIdentifier'])
        e = dict(at=at, action=act)
        if act in ('disableKey','enableKey'): e['version'] = rng.choice([None,'v1','v2'])
        if act=='resizePool': e['pool']=rng.randrange(np_); e['n']=rng.randint(0,4)
        if act=='submitTasks':
            j = rng.randrange(len(jobs)); base = jobs[j]['tasks']
            e['job']=j; e['tasks']=dict(count=rng.randint(1,3), duration=rng.randint(1,30)*M, slots=base['slots'], ckpt=base['ckpt'],
                                        arrival=rng.choice([('at',0),('at',rng.randint(0,10)*M),('every',rng.randint(1,5)*M,0)]))
        if act=='addKeyVersion': e['version']=f'v{rng.randint(3,9)}'
        if act=='setKeyIdentifier': e['version']=rng.choice(['v1','v2',None])
        if act=='deleteAccount' and rng.random()<0.7: continue
        tl.append(e)
    tl.sort(key=lambda e: e['at'])  # keep file order = time order
    # avoid duplicate addKeyVersion ids
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
    L += ["account:", f"  detectionDelay: {dur(sc['detection'])}", f"  recoveryDelay: {dur(sc['recovery'])}",
          "  encryption:", f"    keyIdentifier: {ident(sc['ident'])}",
          "keyVault:", "  name: contoso-kv", "  accessPolicies:", "    - principal: account",
          "      keyPermissions: [get, wrapKey, unwrapKey]", "  keys:", "    - name: k", "      versions: [v1, v2]", "pools:"]
    for i,p in enumerate(sc['pools']):
        L += [f"  - id: p{i}", f"    dedicatedNodes: {p['nodes']}", f"    taskSlotsPerNode: {p['slots']}",
              f"    nodeFillType: {p['fill']}", f"    allocationDelay: {dur(p['alloc'])}"]
        if p['start']: L.append(f"    startTask: {{duration: {dur(p['start'])}}}")
    L.append("jobs:")
    for j in sc['jobs']:
        tb = j['tasks']
        L += [f"  - id: {j['id']}", f"    pool: p{j['pool']}", f"    priority: {j['priority']}",
              f"    tasks: {{count: {tb['count']}, duration: {dur(tb['duration'])}, requiredSlots: {tb['slots']}, arrival: {arr(tb['arrival'])}"
              + (f", checkpointEvery: {dur(tb['ckpt'])}" if tb['ckpt'] else "") + "}"]
        if 'client' in j: L.append(f"    client: {{onRejected: {{retryEvery: {dur(j['client'][0])}, maxAttempts: {j['client'][1]}}}}}")
    if sc['timeline']:
        L.append("timeline:")
        for e in sc['timeline']:
            L.append(f"  - at: {dur(e['at'])}"); L.append(f"    action: {e['action']}")
            a = e['action']
            if a in ('disableKey','enableKey'):
                L.append("    key: k")
                if e['version']: L.append(f"    version: {e['version']}")
            if a=='addKeyVersion': L += ["    key: k", f"    version: {e['version']}"]
            if a=='setKeyIdentifier': L.append(f"    keyIdentifier: {ident(e['version'])}")
            if a=='resizePool': L += [f"    pool: p{e['pool']}", f"    dedicatedNodes: {e['n']}"]
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
        path = os.path.join(WORK, f'c{s}.yaml'); open(path,'w').write(to_yaml(sc))
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
