#!/usr/bin/env python3
# Decodes netlink messages offline with the kernel's own Python YNL
# library (tools/net/ynl/lib: ynl.py and nlspec.py), for the differential
# test in pydiff_test.go. No socket is opened: a family object is built
# without YnlFamily.__init__ (which opens one and, for generic netlink,
# resolves family ids through the kernel), and each message goes through
# the library's own decoding path: NlMsg, the protocol's decode (GenlMsg
# for generic netlink), the operation by message id, _decode_struct for
# the fixed header and _decode for the attributes.
#
# Usage: ynl_decode.py YNL_DIR SPEC_DIR < requests > replies
#
# Each request is a JSON line {"id": N, "spec": "netdev", "request": bool,
# "hex": "<the whole message>"}; each reply a JSON line {"id": N, "op":
# "dev-get", "header": {...} or null, "attrs": {...}} or {"id": N,
# "error": "..."} when the library cannot decode the message.
#
# Representation, so that values compare with nldump's: an enum or flags
# value is {"enum": the number, "name": what the library names it (a
# sorted list for flags)}, in a fixed header just the number; display
# hints are not applied (the library's _formatted_string returns the raw
# value); bytes print as hex; dictionary keys as strings. A value the
# enum does not name fails the message, as it does in the library (a
# KeyError), with the enum named.
#
# The library loops forever on an attribute whose nla_len is below 4:
# the caller sends only messages it checked, and runs this with a timeout.

import json
import os
import sys

ynl_dir, spec_dir = sys.argv[1], sys.argv[2]
sys.path.insert(0, ynl_dir)

from lib import YnlFamily  # noqa: E402
from lib.nlspec import SpecFamily  # noqa: E402
from lib.ynl import GenlProtocol, NetlinkProtocol, NlMsg  # noqa: E402


class OfflineFamily(YnlFamily):
    """A YnlFamily without a socket: only the spec and the decoder."""

    def __init__(self, path):
        SpecFamily.__init__(self, path)
        self.include_raw = False
        # Attributes the 6.12 spec does not know come out as
        # UnknownAttr(N) with their raw bytes, as with --process-unknown.
        self.process_unknown = True
        name = self.yaml['name']
        if self.proto == 'netlink-raw':
            self.nlproto = NetlinkProtocol(name, self.yaml['protonum'])
        else:
            # GenlProtocol.__init__ asks the kernel for the family id; the
            # decoder needs none of what it learns.
            self.nlproto = GenlProtocol.__new__(GenlProtocol)
            NetlinkProtocol.__init__(self.nlproto, name, 16)

    def _decode_enum(self, raw, attr_spec):
        try:
            name = super()._decode_enum(raw, attr_spec)
        except KeyError as e:
            raise Exception('enum %s has no entry %s (value %d)' %
                            (attr_spec['enum'], e, raw)) from None
        return {'enum': raw, 'name': name}

    def _formatted_string(self, raw, display_hint):
        return raw

    def _resolve_selector(self, attr_spec, search_attrs):
        # The library selects a sub-message format by its selector's
        # decoded value: an enum's name (nftables' obj-attrs type), which
        # _decode_enum above wraps.
        return super()._resolve_selector(attr_spec, EnumNames(search_attrs))


class EnumNames:
    """A SpaceAttrs whose lookup gives an enum value's name, unwrapped."""

    def __init__(self, attrs):
        self.attrs = attrs

    def lookup(self, name):
        v = self.attrs.lookup(name)
        if isinstance(v, dict) and set(v) == {'enum', 'name'}:
            return v['name']
        return v


def numbers(v):
    """A fixed header's values, enums as their numbers."""
    if isinstance(v, dict):
        if set(v) == {'enum', 'name'}:
            return v['enum']
        return {k: numbers(x) for k, x in v.items()}
    return v


def norm(v):
    if isinstance(v, (bytes, bytearray)):
        return v.hex()
    if isinstance(v, dict):
        return {str(k): norm(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [norm(x) for x in v]
    if isinstance(v, set):
        return sorted(norm(x) for x in v)
    return v


families = {}


def family(spec):
    if spec not in families:
        families[spec] = OfflineFamily(os.path.join(spec_dir, spec + '.yaml'))
    return families[spec]


def decode(req):
    ynl = family(req['spec'])
    raw = bytes.fromhex(req['hex'])
    nl_msg = NlMsg(raw, 0)
    msg = ynl.nlproto._decode(nl_msg)
    by_value = ynl.req_by_value if req['request'] else ynl.rsp_by_value
    op = by_value.get(msg.cmd())
    if op is None:
        return {'error': 'no operation with %s value %d' %
                ('request' if req['request'] else 'reply', msg.cmd())}
    if op.attr_set is None:
        return {'error': 'operation %s has no attribute set' % op.name}
    decoded = ynl.nlproto.decode(ynl, nl_msg, op)
    attrs = ynl._decode(decoded.raw_attrs, op.attr_set.name)
    header = None
    if op.fixed_header:
        header = ynl._decode_struct(decoded.raw, op.fixed_header)
    return {'op': op.name, 'header': norm(numbers(header)), 'attrs': norm(attrs)}


for line in sys.stdin:
    if not line.strip():
        continue
    req = json.loads(line)
    try:
        out = decode(req)
    except Exception as e:  # the library's limits, reported per message
        out = {'error': '%s: %s' % (type(e).__name__, e)}
    out['id'] = req['id']
    sys.stdout.write(json.dumps(out) + '\n')
    sys.stdout.flush()
