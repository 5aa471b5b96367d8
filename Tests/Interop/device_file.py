"""Reads and checks a device file for gurux_device_server.py.

A device file is JSON that describes one DLMS/COSEM device as data: the HDLC
addresses it answers, the clients it accepts, what it grants in the AARE and
its objects with their values and access rights.  This module knows nothing
about Gurux: it turns the file into plain Python (the classes below) and stops
at the first mistake with a DeviceFileError naming the place, e.g.
``objects[7] (7/1.0.98.2.0.255): rows.columns[1]: ...``.

The format is described in README.md next to this file.  Any key named
"comment" or starting with "_" is ignored at every level; any other key that
is not expected is an error, so that a misspelt key is never silently lost.
"""
import datetime
import json
from dataclasses import dataclass, field

UTC = datetime.timezone.utc


class DeviceFileError(ValueError):
    pass


# -- typed values ---------------------------------------------------------------

# Integer types of the A-XDR encoding: our name -> (lowest, highest).
INTEGER_RANGES = {
    "integer": (-0x80, 0x7F),
    "long": (-0x8000, 0x7FFF),
    "double-long": (-0x80000000, 0x7FFFFFFF),
    "long64": (-(1 << 63), (1 << 63) - 1),
    "unsigned": (0, 0xFF),
    "long-unsigned": (0, 0xFFFF),
    "double-long-unsigned": (0, 0xFFFFFFFF),
    "long64-unsigned": (0, (1 << 64) - 1),
    "enum": (0, 0xFF),
}
SIMPLE_KINDS = set(INTEGER_RANGES) | {"boolean", "visible-string", "octet-string"}
ALL_KINDS = sorted(SIMPLE_KINDS | {"structure", "array"})


@dataclass
class Typed:
    """A value with its DLMS type: kind is one of ALL_KINDS; value is an int,
    bool, str (visible-string), bytes (octet-string) or a list of Typed."""
    kind: str
    value: object


def _simple(kind, raw, where):
    """A JSON scalar of a simple kind -> its Python value, range-checked."""
    if kind in INTEGER_RANGES:
        lo, hi = INTEGER_RANGES[kind]
        if isinstance(raw, bool) or not isinstance(raw, int) or not lo <= raw <= hi:
            raise DeviceFileError("%s: %s takes a whole number from %d to %d, not %r" % (where, kind, lo, hi, raw))
        return raw
    if kind == "boolean":
        if not isinstance(raw, bool):
            raise DeviceFileError("%s: boolean takes true or false, not %r" % (where, raw))
        return raw
    if kind == "visible-string":
        if not isinstance(raw, str) or any(not " " <= ch <= "~" for ch in raw):
            raise DeviceFileError("%s: visible-string takes printable ASCII, not %r" % (where, raw))
        return raw
    if kind == "octet-string":  # only in generated profile columns: ASCII text
        if not isinstance(raw, str):
            raise DeviceFileError("%s: an octet-string column takes text" % where)
        return raw.encode("ascii")
    raise DeviceFileError("%s: unknown type %r; known: %s" % (where, kind, ", ".join(ALL_KINDS)))


def parse_value(node, where):
    """{"type": ..., "value"|"hex"|"text"...} -> Typed."""
    if not isinstance(node, dict) or "type" not in node:
        raise DeviceFileError('%s: a value is an object with "type" (%s)' % (where, ", ".join(ALL_KINDS)))
    kind = node["type"]
    if kind == "octet-string":
        _only(node, where, "type", "hex", "text", "encoding")
        if "hex" in node:
            try:
                return Typed(kind, bytes.fromhex(node["hex"]))
            except (TypeError, ValueError):
                raise DeviceFileError("%s: %r is not hex" % (where, node["hex"])) from None
        if "text" not in node or not isinstance(node["text"], str):
            raise DeviceFileError('%s: an octet-string takes "hex" or "text"' % where)
        try:
            return Typed(kind, node["text"].encode(node.get("encoding", "ascii")))
        except (LookupError, UnicodeError, TypeError) as err:
            raise DeviceFileError("%s: cannot encode the text: %s" % (where, err)) from None
    _only(node, where, "type", "value")
    if kind in ("structure", "array"):
        items = node.get("value", [])
        if not isinstance(items, list):
            raise DeviceFileError("%s: a %s takes a list" % (where, kind))
        return Typed(kind, [parse_value(item, "%s[%d]" % (where, n)) for n, item in enumerate(items)])
    if "value" not in node:
        raise DeviceFileError('%s: %s needs "value"' % (where, kind))
    return Typed(kind, _simple(kind, node["value"], where))


# -- small checks ---------------------------------------------------------------

def _ignored(key):
    return key == "comment" or key.startswith("_")


def _only(node, where, *allowed):
    if not isinstance(node, dict):
        raise DeviceFileError("%s: expected a JSON object" % where)
    extra = [k for k in node if k not in allowed and not _ignored(k)]
    if extra:
        raise DeviceFileError("%s: unexpected %s (expected: %s)" % (where, ", ".join(map(repr, extra)), ", ".join(allowed)))


def _number(node, key, where, default=None, lo=None, hi=None):
    value = node.get(key, default)
    ok = isinstance(value, int) and not isinstance(value, bool)
    ok = ok and (lo is None or value >= lo) and (hi is None or value <= hi)
    if not ok:
        bounds = "" if lo is None else " (%s..%s)" % (lo, "" if hi is None else hi)
        raise DeviceFileError("%s: %s must be a whole number%s, not %r" % (where, key, bounds, value))
    return value


def parse_obis(text, where):
    parts = str(text).split(".")
    if len(parts) != 6 or not all(p.isdigit() and int(p) <= 255 for p in parts):
        raise DeviceFileError("%s: %r is not an OBIS code like 0.0.96.1.0.255" % (where, text))
    return ".".join(str(int(p)) for p in parts)


# -- the pieces of a device -----------------------------------------------------

CONFORMANCE_BITS = (
    # name as written in files -> bit number in the conformance block (Blue Book)
    ("reserved-zero", 0), ("general-protection", 1), ("general-block-transfer", 2), ("read", 3),
    ("write", 4), ("unconfirmed-write", 5), ("delta-value-encoding", 6), ("reserved-seven", 7),
    ("attribute0-supported-with-set", 8), ("priority-mgmt-supported", 9),
    ("attribute0-supported-with-get", 10), ("block-transfer-with-get-or-read", 11),
    ("block-transfer-with-set-or-write", 12), ("block-transfer-with-action", 13),
    ("multiple-references", 14), ("information-report", 15), ("data-notification", 16),
    ("access", 17), ("parameterized-access", 18), ("get", 19), ("set", 20),
    ("selective-access", 21), ("event-notification", 22), ("action", 23),
)
# Gurux keeps the conformance block as an int whose bit n is conformance bit n
# (it reverses the bit order itself when it encodes the block).
CONFORMANCE = {name: 1 << n for name, n in CONFORMANCE_BITS}

UNIT_SYMBOLS = {"h": 5, "min": 6, "s": 7, "W": 27, "VA": 28, "var": 29, "Wh": 30, "VAh": 31, "varh": 32,
                "A": 33, "V": 35, "Hz": 44, "count": 255}

ACCESS_MODES = ("none", "r", "w", "rw")

CLASS_KEYS = {
    1: ("value",),
    3: ("value", "scaler", "unit"),
    7: ("capture_objects", "capture_period", "profile_entries", "rows"),
    8: ("utc_offset_minutes", "tz_sign", "deviation", "status"),
    15: (),
    23: ("comm_speed", "inactivity_timeout", "inter_octet_timeout"),
    42: ("ip", "subnet_mask", "gateway", "dhcp", "primary_dns", "secondary_dns", "data_link_layer_reference"),
    45: ("apn",),
}


@dataclass
class Client:
    sap: int
    authentication: str          # "none" or "low"
    password: str = None
    may_write: bool = False


@dataclass
class Column:
    """How a profile column is generated: row n holds start + n*step, or
    values[n % len(values)]; kind is the DLMS type of the captured value.
    A clock column (kind "date-time") holds the row's time."""
    kind: str
    start: int = 0
    step: int = 0
    values: list = None

    def at(self, n):
        return self.values[n % len(self.values)] if self.values else self.start + n * self.step


@dataclass
class CosemObject:
    class_id: int
    obis: str
    where: str
    version: int = None
    access: dict = field(default_factory=dict)   # attribute number -> mode; 0 = every other attribute
    props: dict = field(default_factory=dict)    # the class's own settings, checked

    def mode(self, attribute):
        """The declared access mode of an attribute ("r", "rw", "w", "none")."""
        if attribute == 1:
            return "r"
        return self.access.get(attribute, self.access.get(0, "r"))


@dataclass
class Device:
    name: str
    logical_address: int
    physical_address: int
    address_forms: list
    all_station_forms: list
    max_pdu: int
    max_info_length: int
    window_size: int
    conformance: int             # bits as Gurux holds them; None = Gurux's default
    clients: dict                # sap -> Client
    objects: list                # CosemObject, in file order
    # the clock's conventions (defaults when the device has no clock)
    utc_offset: int = 0          # minutes east of UTC
    east_positive: bool = False  # sign of clock attribute 3 and of date-time deviations
    deviation: str = "zone"      # "zone", "unspecified" or "utc"

    def find(self, class_id, obis):
        return next((o for o in self.objects if (o.class_id, o.obis) == (class_id, obis)), None)

    def zone_attribute(self, utc_offset):
        """Clock attribute 3 for a zone utc_offset minutes east of UTC."""
        return utc_offset if self.east_positive else -utc_offset

    def zone_from_attribute(self, value):
        return int(value) if self.east_positive else -int(value)


# -- reading a file -------------------------------------------------------------

def load_device(path):
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError) as err:
        raise DeviceFileError("%s: %s" % (path, err)) from None
    return parse_device(data, path)


def parse_device(data, where="device"):
    _only(data, where, "name", "server", "clients", "objects")
    objects = _objects(data.get("objects"), where)
    clock = next((o for o in objects if o.class_id == 8), None)
    serial = next((o for o in objects if (o.class_id, o.obis) == (1, "0.0.96.1.0.255")), None)
    server = data.get("server", {})
    sw = where + ": server"
    _only(server, sw, "logical_address", "physical_address", "address_forms", "all_station",
          "max_pdu", "max_info_length", "window_size", "conformance")
    upper = _number(server, "logical_address", sw, 1, 0, 0x3FFF)
    lower = _lower_address(server.get("physical_address", 0x10), serial, sw)
    forms = server.get("address_forms", [2, 4])
    if not isinstance(forms, list) or not forms or any(f not in (1, 2, 4) for f in forms):
        raise DeviceFileError("%s: address_forms is a list of address sizes 1, 2, 4" % sw)
    forms = sorted(set(forms))
    if 2 in forms and max(upper, lower) > 0x7F:
        raise DeviceFileError("%s: upper %d / lower %d do not fit the 2-byte form" % (sw, upper, lower))
    if 1 in forms and upper > 0x7F:
        raise DeviceFileError("%s: upper %d does not fit the 1-byte form" % (sw, upper))
    all_station = server.get("all_station", True)
    if isinstance(all_station, bool):
        all_station = [f for f in forms if f != 1] if all_station else []
    if not isinstance(all_station, list) or any(f not in (2, 4) for f in all_station):
        raise DeviceFileError("%s: all_station is true, false or a list of 2, 4" % sw)
    conformance = server.get("conformance")
    if conformance is not None:
        if not isinstance(conformance, list) or any(c not in CONFORMANCE for c in conformance):
            raise DeviceFileError("%s: conformance is a list of names from: %s" % (sw, ", ".join(CONFORMANCE)))
        bits = 0
        for name in conformance:
            bits |= CONFORMANCE[name]
        conformance = bits
    device = Device(
        name=data.get("name", str(where)),
        logical_address=upper,
        physical_address=lower,
        address_forms=forms,
        all_station_forms=sorted(set(all_station)),
        max_pdu=_number(server, "max_pdu", sw, 1024, 64, 0xFFFF),
        max_info_length=_number(server, "max_info_length", sw, 128, 32, 2030),
        window_size=_number(server, "window_size", sw, 1, 1, 7),
        conformance=conformance,
        clients=_clients(data.get("clients"), where + ": clients"),
        objects=objects,
    )
    if clock:
        device.utc_offset = clock.props["utc_offset_minutes"]
        device.east_positive = clock.props["tz_sign"] == "east-positive"
        device.deviation = clock.props["deviation"]
    for obj in objects:
        if obj.class_id == 7:
            _columns(obj, device)
    return device


def _lower_address(spec, serial, where):
    if isinstance(spec, dict):
        _only(spec, where + ": physical_address", "from_serial")
        rule = spec.get("from_serial")
        _only(rule, where + ": physical_address.from_serial", "modulo", "add")
        raw = serial.props["value"].value if serial else b""
        digits = "".join(ch for ch in (raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)) if ch.isdigit())
        if not digits:
            raise DeviceFileError("%s: physical_address from_serial needs a serial number 1/0.0.96.1.0.255 "
                                  "with digits" % where)
        modulo = _number(rule, "modulo", where + ": physical_address.from_serial", 10000, 1)
        spec = int(digits) % modulo + _number(rule, "add", where + ": physical_address.from_serial", 0, 0)
    elif isinstance(spec, bool) or not isinstance(spec, int):
        raise DeviceFileError('%s: physical_address is a number or {"from_serial": {...}}' % where)
    if not 0 <= spec <= 0x3FFD:
        raise DeviceFileError("%s: physical_address %d is outside 0..16381" % (where, spec))
    return spec


def _clients(items, where):
    if not isinstance(items, list) or not items:
        raise DeviceFileError("%s: a non-empty list is needed" % where)
    clients = {}
    for n, item in enumerate(items):
        cw = "%s[%d]" % (where, n)
        _only(item, cw, "sap", "authentication", "password", "may_write")
        sap = _number(item, "sap", cw, None, 1, 0x7F)
        auth = item.get("authentication", "none")
        if auth not in ("none", "low"):
            raise DeviceFileError('%s: authentication is "none" or "low"' % cw)
        password = item.get("password")
        if auth == "low" and not isinstance(password, str):
            raise DeviceFileError('%s: authentication "low" needs a "password"' % cw)
        if sap in clients:
            raise DeviceFileError("%s: client %d is listed twice" % (cw, sap))
        may_write = item.get("may_write", False)
        if not isinstance(may_write, bool):
            raise DeviceFileError("%s: may_write is true or false" % cw)
        clients[sap] = Client(sap, auth, password if auth == "low" else None, may_write)
    return clients


def _objects(items, where):
    if not isinstance(items, list) or not items:
        raise DeviceFileError('%s: "objects" must be a non-empty list' % where)
    out, seen = [], set()
    for n, item in enumerate(items):
        obj = _object(item, "%s: objects[%d]" % (where, n))
        key = (obj.class_id, obj.obis)
        if key in seen:
            raise DeviceFileError("%s: %d/%s appears twice" % (obj.where, key[0], key[1]))
        if obj.class_id == 8 and any(o.class_id == 8 for o in out):
            raise DeviceFileError("%s: a device has one clock" % obj.where)
        seen.add(key)
        out.append(obj)
    for obj in out:
        for cls, ln, _attr, _index in obj.props.get("capture", []):
            if (cls, ln) not in seen:
                raise DeviceFileError("%s: captured object %d/%s is not in the file" % (obj.where, cls, ln))
    return out


def _object(item, where):
    if not isinstance(item, dict) or "class" not in item or "obis" not in item:
        raise DeviceFileError('%s: an object needs "class" and "obis"' % where)
    cls = item["class"]
    if cls not in CLASS_KEYS:
        raise DeviceFileError("%s: class %r is not served (served: %s)" % (where, cls, ", ".join(map(str, CLASS_KEYS))))
    obis = parse_obis(item["obis"], where)
    where = "%s (%d/%s)" % (where, cls, obis)
    _only(item, where, "class", "obis", "version", "access", *CLASS_KEYS[cls])
    obj = CosemObject(cls, obis, where, access=_access(item.get("access", "r"), where))
    if "version" in item:
        obj.version = _number(item, "version", where, None, 0, 255)
    p = obj.props
    if cls == 1:
        if "value" not in item:
            raise DeviceFileError('%s: a Data object needs "value"' % where)
        p["value"] = parse_value(item["value"], where + ": value")
    elif cls == 3:
        p["value"] = parse_value(item.get("value", {"type": "double-long-unsigned", "value": 0}), where + ": value")
        p["scaler"] = _number(item, "scaler", where, 0, -128, 127)
        unit = item.get("unit", 255)
        unit = UNIT_SYMBOLS.get(unit, unit) if isinstance(unit, str) else unit
        if isinstance(unit, str) or isinstance(unit, bool) or not isinstance(unit, int) or not 0 <= unit <= 255:
            raise DeviceFileError("%s: unit is an enum number or one of %s" % (where, ", ".join(UNIT_SYMBOLS)))
        p["unit"] = unit
    elif cls == 8:
        p["utc_offset_minutes"] = _number(item, "utc_offset_minutes", where, 0, -720, 840)
        p["tz_sign"] = item.get("tz_sign", "blue-book")
        if p["tz_sign"] not in ("blue-book", "east-positive"):
            raise DeviceFileError('%s: tz_sign is "blue-book" or "east-positive"' % where)
        p["deviation"] = item.get("deviation", "zone")
        if p["deviation"] not in ("zone", "unspecified", "utc"):
            raise DeviceFileError('%s: deviation is "zone", "unspecified" or "utc"' % where)
        p["status"] = _number(item, "status", where, 0, 0, 255)
    elif cls == 7:
        captures = item.get("capture_objects")
        if not isinstance(captures, list) or not captures:
            raise DeviceFileError("%s: capture_objects must be a non-empty list" % where)
        p["capture"] = [_capture(c, "%s: capture_objects[%d]" % (where, n)) for n, c in enumerate(captures)]
        p["capture_period"] = _number(item, "capture_period", where, 0, 0)
        rows = item.get("rows", {})
        _only(rows, where + ": rows", "count", "spacing_s", "columns")
        count = _number(rows, "count", where + ": rows", 0, 0, 100000)
        p["rows"] = count
        p["spacing"] = _number(rows, "spacing_s", where + ": rows", None, 1) if count else 0
        columns = rows.get("columns", [])
        if not isinstance(columns, list) or len(columns) > len(captures):
            raise DeviceFileError("%s: rows.columns is a list with at most one entry per capture object" % where)
        p["column_specs"] = columns + [None] * (len(captures) - len(columns))
        p["profile_entries"] = _number(item, "profile_entries", where, max(count, 1), 1)
    elif cls == 23:
        for key, default in (("comm_speed", 5), ("inactivity_timeout", 120), ("inter_octet_timeout", 25)):
            p[key] = _number(item, key, where, default, 0, 0xFFFF)
    elif cls == 42:
        p["data_link_layer_reference"] = parse_obis(item.get("data_link_layer_reference", "0.0.25.3.0.255"), where)
        for key, default in (("ip", "0.0.0.0"), ("subnet_mask", "255.255.255.0"), ("gateway", "0.0.0.0"),
                             ("primary_dns", "0.0.0.0"), ("secondary_dns", "0.0.0.0")):
            p[key] = _ipv4(item.get(key, default), "%s: %s" % (where, key))
        p["dhcp"] = item.get("dhcp", False)
        if not isinstance(p["dhcp"], bool):
            raise DeviceFileError("%s: dhcp is true or false" % where)
    elif cls == 45:
        p["apn"] = item.get("apn", "")
        if not isinstance(p["apn"], str):
            raise DeviceFileError("%s: apn is text" % where)
    return obj


def _ipv4(text, where):
    parts = str(text).split(".")
    if len(parts) != 4 or not all(x.isdigit() and int(x) <= 255 for x in parts):
        raise DeviceFileError("%s: %r is not an IPv4 address" % (where, text))
    return text


def _access(spec, where):
    """ "r" | {"2": "rw", ...} -> {attribute: mode}, key 0 = all others (default "r")."""
    if isinstance(spec, str):
        spec = {"*": spec}
    if not isinstance(spec, dict):
        raise DeviceFileError('%s: access is a mode or {"attribute": mode}; modes: %s' % (where, ", ".join(ACCESS_MODES)))
    table = {0: "r"}
    for key, mode in spec.items():
        if _ignored(key):
            continue
        if mode not in ACCESS_MODES or not (key == "*" or key.isdigit() and int(key) >= 1):
            raise DeviceFileError("%s: access %r: %r (modes: %s)" % (where, key, mode, ", ".join(ACCESS_MODES)))
        table[0 if key == "*" else int(key)] = mode
    return table


def _capture(spec, where):
    """ "class/obis/attribute[/data_index]" or an object with those keys -> tuple."""
    if isinstance(spec, str):
        bits = spec.split("/")
        if len(bits) not in (3, 4) or not all(b.isdigit() for b in bits[:1] + bits[2:]):
            raise DeviceFileError("%s: %r is not class/obis/attribute[/data_index]" % (where, spec))
        spec = dict(zip(("class", "obis", "attribute", "data_index"), [int(bits[0]), bits[1]] + list(map(int, bits[2:]))))
    _only(spec, where, "class", "obis", "attribute", "data_index")
    return (_number(spec, "class", where, None, 0, 0xFFFF), parse_obis(spec.get("obis"), where),
            _number(spec, "attribute", where, 2, 1, 127), _number(spec, "data_index", where, 0, 0, 0xFFFF))


def _columns(obj, device):
    """Turns a profile's rows.columns into Column generators (needs every object)."""
    columns = []
    count = obj.props["rows"]
    for n, ((cls, ln, attr, _index), spec) in enumerate(zip(obj.props["capture"], obj.props.pop("column_specs"))):
        where = "%s: rows.columns[%d]" % (obj.where, n)
        if cls == 8 and attr == 2:
            columns.append(Column("date-time"))
            continue
        source = device.find(cls, ln)
        kind = source.props["value"].kind if attr == 2 and cls in (1, 3) else None
        if kind not in SIMPLE_KINDS:
            raise DeviceFileError("%s: values can be made only for attribute 2 of a Data or Register object of a "
                                  "simple type, not for %d/%s/%d" % (where, cls, ln, attr))
        spec = {} if spec is None else spec
        _only(spec, where, "start", "step", "values")
        if "values" in spec:
            values = spec["values"]
            if not isinstance(values, list) or not values:
                raise DeviceFileError("%s: values is a non-empty list" % where)
            columns.append(Column(kind, values=[_simple(kind, v, where) for v in values]))
            continue
        column = Column(kind, start=spec.get("start", 0), step=spec.get("step", 0))
        if kind in INTEGER_RANGES:
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in (column.start, column.step)):
                raise DeviceFileError("%s: start and step are whole numbers" % where)
            _simple(kind, column.at(0), where + " (first row)")
            _simple(kind, column.at(max(count - 1, 0)), where + " (last row)")
        elif count:
            raise DeviceFileError('%s: a %s column needs "values"' % (where, kind))
        columns.append(column)
    obj.props["columns"] = columns


def row_times(obj, started_utc, utc_offset):
    """The times of a profile's rows, oldest first, as aware UTC datetimes.

    The newest row is at the last multiple of the spacing since local midnight
    of started_utc (local = UTC + utc_offset minutes); with a spacing of a day or
    more it is that midnight itself.  So the rows depend only on the start-up
    time, and every connection sees the same ones."""
    count, spacing = obj.props["rows"], datetime.timedelta(seconds=obj.props["spacing"] or 1)
    zone = datetime.timezone(datetime.timedelta(minutes=utc_offset))
    local = started_utc.astimezone(zone)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    newest = midnight
    if spacing < datetime.timedelta(days=1):
        newest += (local - midnight) // spacing * spacing
    return [(newest - (count - 1 - n) * spacing).astimezone(UTC) for n in range(count)]
