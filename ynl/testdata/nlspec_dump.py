# Prints, as JSON, what the kernel's own Python tools make of YNL specs,
# for TestKernelSpecs to compare with package ynl's model.
#
# usage: python3 nlspec_dump.py YNL_DIR SPEC...
#
# YNL_DIR is the kernel's tools/net/ynl: its lib/nlspec.py (or
# pyynl/lib/nlspec.py) gives values, types and references; its
# ynl-gen-c.py, where it loads, gives the C names of genetlink families.
# The JSON schema check is skipped (it needs the jsonschema module and
# is not what is compared).

import importlib.util
import json
import os
import sys
import types


def load_libs(ynl_dir):
    for sub in ("pyynl", ""):
        base = os.path.join(ynl_dir, sub) if sub else ynl_dir
        if os.path.exists(os.path.join(base, "lib", "nlspec.py")):
            sys.path.insert(0, base)
            break
    else:
        sys.exit("nlspec.py not found under " + ynl_dir)
    import lib.nlspec as nlspec  # noqa: E402

    # Skip the schema check: no jsonschema needed.
    dummy = types.SimpleNamespace(validate=lambda *a, **k: None)
    nlspec.jsonschema = dummy
    if hasattr(nlspec, "SpecFamily"):
        nlspec.SpecFamily.jsonschema = dummy
    gen = None
    for path in (os.path.join(ynl_dir, "ynl-gen-c.py"),
                 os.path.join(ynl_dir, "pyynl", "ynl_gen_c.py")):
        if os.path.exists(path):
            spec = importlib.util.spec_from_file_location("ynl_gen_c", path)
            gen = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(gen)
            except Exception as e:  # a newer layout: compare without C names
                print("ynl-gen-c not loaded: %s" % e, file=sys.stderr)
                gen = None
            break
    return nlspec, gen


def none(v):
    return -1 if v is None else v


def dump(nlspec, gen, path):
    fam = nlspec.SpecFamily(path, schema_path="")
    out = {"name": fam.name, "proto": fam.proto, "model": fam.msg_id_model}
    consts = []
    for name, c in fam.consts.items():
        d = {"name": name, "type": c["type"]}
        if c["type"] in ("enum", "flags"):
            d["entries"] = [[e.name, e.value, e.user_value()] for e in c.entries.values()]
        elif c["type"] == "struct":
            d["members"] = [[m.name, m.type, m.struct or "", m.enum or "",
                             m.byte_order or ""] for m in c.members]
        else:
            d["value"] = str(c["value"])
        consts.append(d)
    out["consts"] = consts
    sets = []
    for name, s in fam.attr_sets.items():
        attrs = []
        for a in s.attrs.values():
            attrs.append([a.name, a.value, a.type, bool(a.is_multi),
                          a.yaml.get("nested-attributes", ""), a.sub_type or "",
                          a.struct_name or "", a.yaml.get("enum", ""),
                          a.byte_order or "", a.display_hint or "",
                          a.sub_message or "", a.selector or ""])
        sets.append({"name": name, "subset_of": s.subset_of or "", "attrs": attrs})
    out["sets"] = sets
    out["sub_msgs"] = [{"name": n, "formats": [[f.value, f.fixed_header or "", f.attr_set or ""]
                                               for f in m.formats.values()]}
                       for n, m in fam.sub_msgs.items()]
    msgs = []
    for name, op in fam.msgs.items():
        aset = getattr(op, "attr_set", None)
        msgs.append([name, none(op.value), none(op.req_value), none(op.rsp_value),
                     aset.name if aset else "", op.fixed_header or "",
                     sorted(op.modes)])
    out["msgs"] = msgs
    out["mcgrps"] = [[n, none(g.value)] for n, g in fam.mcast_groups.items()]

    if gen is not None and fam.proto != "netlink-raw":
        c = gen.Family(path, None)
        cn = {"family": [c.fam_key, c.ver_key], "sets": {}, "enums": {}, "ops": {}}
        for name, s in c.attr_sets.items():
            cn["sets"][name] = [s.name_prefix, s.max_name, s.cnt_name,
                                [a.enum_name for a in s.attrs.values()]]
        for name, e in c.consts.items():
            if isinstance(e, gen.EnumSet):
                cn["enums"][name] = [e.enum_name or "", [x.c_name for x in e.entries.values()]]
        for name, op in c.msgs.items():
            cn["ops"][name] = op.enum_name
        out["c"] = cn
    return out


def main():
    nlspec, gen = load_libs(sys.argv[1])
    res = {}
    for path in sys.argv[2:]:
        res[os.path.basename(path)] = dump(nlspec, gen, path)
    json.dump(res, sys.stdout, indent=None, sort_keys=True)


main()
