#!/usr/bin/env python3
"""Case robustness of the actors: each article is re-set in capitals, in title case and tokenised
(a space before punctuation); prints the share of its persons and organisations (with a named
mention) that the re-set copy still has, by name or surname (as EntityModelTests does on the sample).
Usage: EVAL=path/to/dramatis-eval bench/case_robustness.py ARTICLE.txt...   (V=1: worst articles)
e.g.   bench/case_robustness.py ../shared/eval/seed.txt ../shared/eval/dev/*.txt ../shared/eval/polnear-dev/*.txt"""
import json, glob, os, subprocess, sys, shutil, tempfile
src=sys.argv[1:] 
out=os.path.join(tempfile.mkdtemp(), 'w'); shutil.rmtree(out,ignore_errors=True); os.makedirs(out)
def title(s):
    o=[];prev=False
    for c in s:
        o.append(c.lower() if prev else c.upper()); prev=c.isalpha()
    return ''.join(o)
def tok(s):
    o=[];prev=' '
    for c in s:
        if c in ',.;:!?)"”’\'' and (prev.isalnum()): o.append(' ')
        o.append(c); prev=c
    return ''.join(o)
variants={'orig':lambda s:s,'caps':str.upper,'title':title,'tok':tok}
args=[]
for f in src:
    t=open(f).read(); n=os.path.basename(f)[:-4]
    for v,fn in variants.items():
        d=f'{out}/{v}'; os.makedirs(d,exist_ok=True)
        open(f'{d}/{n}.txt','w').write(fn(t))
for v in variants:
    d=f'{out}/{v}'; os.makedirs(d+'p',exist_ok=True)
    subprocess.run([os.environ.get('EVAL', '.build-bench/release/dramatis-eval'),d+'p']+glob.glob(d+'/*.txt'),stdout=subprocess.DEVNULL,check=True)
def actors(p):
    a=json.load(open(p))
    return {''.join(c for c in e['name'].lower() if c.isalpha() or c==' ') for e in a['entities'] if e['type'] in('person','organization') and any(m.get('kind') in('name','alias') for m in e['mentions'])}
def kept(o,v):
    last={x.split()[-1] for x in v if x.split()}
    k=[x for x in o if x in v or (x.split() and x.split()[-1] in last)]
    return len(k),len(o)
for v in ['caps','title','tok']:
    K=N=0; worst=[]
    for p in glob.glob(f'{out}/origp/*.json'):
        n=os.path.basename(p)
        o=actors(p); w=actors(f'{out}/{v}p/{n}')
        k,nn=kept(o,w); K+=k;N+=nn
        worst.append((k-nn,n[:40],sorted(o-w)[:6]))
    worst.sort()
    print(v, f'{K}/{N} = {K/max(N,1):.3f}')
    if os.environ.get('V'): 
        for x in worst[:8]: print('   ',x)
