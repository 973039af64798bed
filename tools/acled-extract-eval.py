import csv, json, sys, math, subprocess
rows = list(csv.DictReader(open('/work/shared/data/acled-dev/acled-middle-east-2018-01-02.csv', encoding='utf-8')))
if sys.argv[1] == 'make':
    with open('/tmp/extract-eval/acled.jsonl', 'w') as f:
        for r in rows:
            f.write(json.dumps({'id': r['data_id'], 'date': r['event_date'], 'text': r['notes']}) + '\n')
    sys.exit()
def transfer(t):
    t = t.lower()
    return 'regains territory' in t or 'overtakes territory' in t or 'non-violent transfer' in t
events = {}
for l in open('/tmp/extract-eval/acled.events.jsonl'):
    e = json.loads(l)
    if e['type'] in ('captured', 'withdrew'):
        events.setdefault(e['documentId'], []).append(e)
def hav(a, b, c, d):
    r = math.radians
    h = math.sin(r(c - a) / 2) ** 2 + math.cos(r(a)) * math.cos(r(c)) * math.sin(r(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))
tp = fp = fn = tn = pc = pok = 0
for r in rows:
    ev = events.get(r['data_id'], [])
    det, exp = bool(ev), transfer(r['event_type'])
    if det and exp:
        tp += 1; pc += 1
        best = max(ev, key=lambda e: e['confidence'])
        p = best['place']
        if p['lat'] is not None and r['latitude']:
            ok = hav(p['lat'], p['lon'], float(r['latitude']), float(r['longitude'])) <= 25
        else:
            ok = p['name'].lower() == r['location'].lower()
        pok += ok
    elif det: fp += 1
    elif exp: fn += 1
    else: tn += 1
P = tp / max(1, tp + fp); R = tp / max(1, tp + fn); F = 2 * P * R / max(1e-9, P + R)
print(f'rows {len(rows)} transfers {tp+fn} tp {tp} fp {fp} fn {fn} tn {tn} P {P:.3f} R {R:.3f} F1 {F:.3f} place {pok}/{pc} = {pok/max(1,pc):.3f}')
