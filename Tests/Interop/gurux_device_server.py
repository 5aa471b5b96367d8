#!/usr/bin/env python3
"""A DLMS/COSEM server written by others, serving a device described by a file.

The protocol work (HDLC frames, AARQ/AARE, GET/SET/ACTION, block transfer,
A-XDR encoding) is done by the Gurux Python library, gurux-dlms 1.0.203 from
PyPI, whose server side needs a handful of repairs to run at all (see
README.md, "Gurux quirks": the numbers there are the [Qn] marks below).
What the device *is* - addresses, clients, objects, values - comes from a
device file read by device_file.py.

  gurux_device_server.py --device devices/uspd-variant.json --port 0 [--pty]

Prints "LISTEN tcp HOST:PORT" (the real port, also with --port 0) and, with
--pty, "LISTEN pty /dev/pts/N" on standard output, then logs to standard
error and serves until it is killed.  HDLC frames travel raw over TCP (no
wrapper).  Every TCP connection gets its own Gurux server; what clients
write is kept in memory and seen by later connections.
"""
import argparse
import datetime
import os
import selectors
import signal
import socket
import sys
import time
import traceback
import tty

from gurux_dlms import (GXArray, GXByteBuffer, GXDateTime, GXDLMS, GXDLMSServer, GXServerReply, GXStructure,
                        GXEnum, GXInt8, GXInt16, GXInt32, GXInt64, GXUInt8, GXUInt16, GXUInt32, GXUInt64)
from gurux_dlms.ConnectionState import ConnectionState
from gurux_dlms.GXDLMSLNParameters import GXDLMSLNParameters
from gurux_dlms.GXDLMSLongTransaction import GXDLMSLongTransaction
from gurux_dlms.GXDLMSSettings import GXDLMSSettings
from gurux_dlms.ValueEventArgs import ValueEventArgs
from gurux_dlms._HDLCInfo import _HDLCInfo
from gurux_dlms.enums import (AccessMode, Authentication, Command, DataType, DateTimeSkips, ErrorCode,
                              InterfaceType, MethodAccessMode, SourceDiagnostic, Unit)
from gurux_dlms.internal._GXCommon import _GXCommon
from gurux_dlms.objects import (GXDLMSAssociationLogicalName, GXDLMSClock, GXDLMSData, GXDLMSGprsSetup,
                                GXDLMSHdlcSetup, GXDLMSIp4Setup, GXDLMSProfileGeneric, GXDLMSRegister)

sys.dont_write_bytecode = True   # no __pycache__ left in the source tree by test runs
from device_file import CONFORMANCE, UTC, DeviceFileError, load_device, row_times  # noqa: E402


def log(text):
    sys.stderr.write("[device-server] %s\n" % text)
    sys.stderr.flush()


# =============================================================================
# Repairs to gurux-dlms 1.0.203 that are not tied to our server class.
# Each is added only where the library lacks it.

def _provide(cls, name, value):
    if not hasattr(cls, name):
        setattr(cls, name, value)


# [Q13] ValueEventArgs drops the server it is given (e.server stays None), so the
# object list is sent without access rights.  Keep it - and remember on the server
# the newest one made for it, which is the one [Q2] needs.
_plain_event_init = ValueEventArgs.__init__


def _event_init(self, owner, *rest, **named):
    _plain_event_init(self, owner, *rest, **named)
    if isinstance(owner, GXDLMSServer):
        self.server = owner
        owner.newest_event = self


ValueEventArgs.__init__ = _event_init
# [Q5] The SET and ACTION handlers do list(e) on one event; the object-list and
# profile encoders ask for e.isSkipMaxPduSize and e.getRowEndIndex().
_provide(ValueEventArgs, "__iter__", lambda self: iter((self,)))
_provide(ValueEventArgs, "isSkipMaxPduSize", property(lambda self: self.skipMaxPduSize))
_provide(ValueEventArgs, "getRowEndIndex", lambda self: self.rowEndIndex)


# [Q9] The request loop calls these on the reply holder.
def _reply_setter(name):
    return lambda self, value: setattr(self, name, value)


_provide(GXServerReply, "setReply", _reply_setter("reply"))
_provide(GXServerReply, "setCount", _reply_setter("count"))
_provide(GXServerReply, "getCount", lambda self: self.count)
_provide(GXServerReply, "getConnectionInfo", lambda self: self.connectionInfo)


# [Q10] The next GET block stores what is left to send with setData().
def _keep_rest(self, buffer):
    self.data.clear()
    self.data.set(buffer)   # copies from buffer.position on: the part not sent yet


_provide(GXDLMSLongTransaction, "setData", _keep_rest)
# [Q11] SET and ACTION ask their parameters these two.
_provide(GXDLMSLNParameters, "isMultipleBlocks", lambda self: bool(self.multipleBlocks))
_provide(GXDLMSLNParameters, "setStatus", _reply_setter("status"))
# [Q17] A request's invoke-id is stored in settings.invokeID, but an answer made
# without one (object-undefined, errors) takes settings.invokeId, which stays 1:
# make the two names one.
if "invokeId" not in vars(GXDLMSSettings):
    GXDLMSSettings.invokeId = property(lambda self: self.invokeID, _reply_setter("invokeID"))


# =============================================================================
# From the device file's plain values to Gurux's.

DATA_TYPES = {
    "integer": DataType.INT8, "long": DataType.INT16, "double-long": DataType.INT32, "long64": DataType.INT64,
    "unsigned": DataType.UINT8, "long-unsigned": DataType.UINT16, "double-long-unsigned": DataType.UINT32,
    "long64-unsigned": DataType.UINT64, "enum": DataType.ENUM, "boolean": DataType.BOOLEAN,
    "visible-string": DataType.STRING, "octet-string": DataType.OCTET_STRING,
    "structure": DataType.STRUCTURE, "array": DataType.ARRAY,
    "date-time": DataType.OCTET_STRING,   # a clock column: 12-byte octet-string
}
# Inside structures and arrays Gurux picks each element's type from its Python class.
INT_CLASSES = {
    "integer": GXInt8, "long": GXInt16, "double-long": GXInt32, "long64": GXInt64, "unsigned": GXUInt8,
    "long-unsigned": GXUInt16, "double-long-unsigned": GXUInt32, "long64-unsigned": GXUInt64, "enum": GXEnum,
}


def to_gurux(typed):
    if typed.kind in ("structure", "array"):
        items = GXStructure() if typed.kind == "structure" else GXArray()
        items.extend(to_gurux(t) for t in typed.value)
        return items
    return simple_to_gurux(typed.kind, typed.value)


def simple_to_gurux(kind, value):
    return INT_CLASSES[kind](value) if kind in INT_CLASSES else value


ACCESS = {"none": AccessMode.NO_ACCESS, "r": AccessMode.READ, "w": AccessMode.WRITE, "rw": AccessMode.READ_WRITE}
READ_ONLY = {"rw": "r", "w": "none"}   # what a client without the write right gets instead


# =============================================================================
# State shared by all connections.

class Shared:
    def __init__(self, device, max_info, window):
        self.device = device
        self.max_info = max_info
        self.window = window
        self.started = datetime.datetime.now(UTC).replace(microsecond=0)
        self.utc_offset = device.utc_offset          # changed by writing clock attribute 3
        self.clock_shift = datetime.timedelta(0)      # changed by writing clock attribute 2
        self.written = {}                             # (class, obis, attribute) -> value, replayed

    def now(self):
        return datetime.datetime.now(UTC).replace(microsecond=0) + self.clock_shift

    def stamp(self, instant, utc_offset=None):
        """An aware instant -> GXDateTime as the device sends it: local time with the
        zone's deviation ("zone"), local time without one ("unspecified"), or UTC
        ("utc").  The deviation's sign is settings.useUtc2NormalTime's business."""
        mode = self.device.deviation
        offset = 0 if mode == "utc" else (self.utc_offset if utc_offset is None else utc_offset)
        value = GXDateTime(instant.astimezone(datetime.timezone(datetime.timedelta(minutes=offset))))
        if mode == "unspecified":
            value.skip |= DateTimeSkips.DEVITATION
        return value

    def instant(self, value):
        """A GXDateTime / datetime received -> aware UTC; none without deviation is local."""
        if isinstance(value, GXDateTime):
            value = value.value
        if not isinstance(value, datetime.datetime):
            raise ValueError("not a date-time: %r" % (value,))
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.timezone(datetime.timedelta(minutes=self.utc_offset)))
        return value.astimezone(UTC)


def build_objects(shared, settings):
    """A fresh set of Gurux objects for one connection -> [(declaration, object)]."""
    device, pairs, made = shared.device, [], {}
    for decl in device.objects:
        p, ln = decl.props, decl.obis
        if decl.class_id == 1:
            obj = GXDLMSData(ln)
            obj.value = to_gurux(p["value"])
            obj.setDataType(2, DATA_TYPES[p["value"].kind])
        elif decl.class_id == 3:
            obj = GXDLMSRegister(ln)
            obj.value = to_gurux(p["value"])
            obj.setDataType(2, DATA_TYPES[p["value"].kind])
            obj.scaler = 10.0 ** p["scaler"]   # Gurux's own scaler encoding is not used, see [Q15]
            try:
                obj.unit = Unit(p["unit"])
            except ValueError:
                raise DeviceFileError("%s: unit %d is unknown to Gurux" % (decl.where, p["unit"])) from None
        elif decl.class_id == 8:
            obj = GXDLMSClock(ln)
            obj.time = shared.stamp(shared.now())
            obj.timeZone = device.zone_attribute(shared.utc_offset)
            obj.status = p["status"]
        elif decl.class_id == 7:
            obj = GXDLMSProfileGeneric(ln)   # filled below, once its captured objects exist
        elif decl.class_id == 15:
            obj = GXDLMSAssociationLogicalName(ln)
        elif decl.class_id == 23:
            obj = GXDLMSHdlcSetup(ln)
            obj.communicationSpeed = p["comm_speed"]
            obj.windowSizeTransmit = obj.windowSizeReceive = shared.window
            obj.maximumInfoLengthTransmit = obj.maximumInfoLengthReceive = shared.max_info
            obj.interCharachterTimeout = p["inter_octet_timeout"]
            obj.inactivityTimeout = p["inactivity_timeout"]
            obj.deviceAddress = device.physical_address
        elif decl.class_id == 42:
            obj = GXDLMSIp4Setup(ln)
            obj.dataLinkLayerReference = p["data_link_layer_reference"]
            obj.ipAddress, obj.subnetMask, obj.gatewayIPAddress = p["ip"], p["subnet_mask"], p["gateway"]
            obj.primaryDNSAddress, obj.secondaryDNSAddress = p["primary_dns"], p["secondary_dns"]
            obj.useDHCP = p["dhcp"]
        else:  # 45
            obj = GXDLMSGprsSetup(ln)
            obj.apn = p["apn"]
        if decl.version is not None:
            obj.version = decl.version
        made[(decl.class_id, ln)] = obj
        pairs.append((decl, obj))
    for decl, obj in pairs:
        if decl.class_id == 7:
            fill_profile(shared, decl, obj, made)
        elif decl.class_id == 15:
            # [Q8] initialize() would append the whole collection as one item.
            for _d, listed in pairs:
                obj.objectList.append(listed)
            if device.conformance is not None:
                obj.xDLMSContextInfo.conformance = device.conformance
    for (cls, ln, index), value in shared.written.items():
        event = ValueEventArgs(settings, made[(cls, ln)], index, 0, None)
        event.value = value
        made[(cls, ln)].setValue(settings, event)
    return pairs


def fill_profile(shared, decl, profile, made):
    p = decl.props
    for cls, ln, attribute, index in p["capture"]:
        profile.addCaptureObject(made[(cls, ln)], attribute, index)
    clock = next((made[(c, ln)] for c, ln, a, _i in p["capture"] if (c, a) == (8, 2)), None)
    if clock is not None:
        profile.sortObject, profile.sortObjectAttributeIndex = clock, 2
    profile.capturePeriod = p["capture_period"]
    profile.profileEntries = p["profile_entries"]
    # Rows are anchored to the start-up time and zone, so they never move.
    times = row_times(decl, shared.started, shared.device.utc_offset)
    for n, instant in enumerate(times):
        profile.buffer.append([shared.stamp(instant, shared.device.utc_offset) if col.kind == "date-time"
                               else simple_to_gurux(col.kind, col.at(n)) for col in p["columns"]])
    profile.entriesInUse = len(profile.buffer)


# =============================================================================
# One Gurux server per connection.

# A service and the conformance bits it needs: GET, SET and ACTION request types
# (Blue Book numbering) that need more than the service's own bit.
_NEEDED = {
    Command.GET_REQUEST: ("get", {2: "block-transfer-with-get-or-read", 3: "multiple-references"}),
    Command.SET_REQUEST: ("set", {2: "block-transfer-with-set-or-write", 3: "block-transfer-with-set-or-write",
                                  4: "multiple-references", 5: "multiple-references"}),
    Command.METHOD_REQUEST: ("action", {2: "block-transfer-with-action", 3: "multiple-references",
                                        4: "block-transfer-with-action", 5: "multiple-references",
                                        6: "block-transfer-with-action"}),
    Command.ACCESS_REQUEST: ("access", {}),
}


class DeviceServer(GXDLMSServer):

    def __init__(self, shared, name):
        super().__init__(True, InterfaceType.HDLC)
        self.shared, self.device, self.name = shared, shared.device, name
        self.newest_event = None
        s = self.settings
        s.maxServerPDUSize = self.device.max_pdu
        s.useUtc2NormalTime = self.device.east_positive    # deviation sign, both ways
        if self.device.conformance is not None:
            s.proposedConformance = self.device.conformance
        # [Q4] A misspelt attribute and a missing method that block transfer reads.
        s.gbtWndowSize = 1
        s.getMaxPduSize = lambda: s.maxPduSize
        self.declared = {}
        for decl, obj in build_objects(shared, s):
            self.items.append(obj)
            self.declared[id(obj)] = decl
        self.initialize()

    # -- [Q3] the command handlers use accessors that 1.0.203 lacks -------------
    def getTransaction(self):
        return self.transaction

    def setTransaction(self, value):
        self.transaction = value

    # -- addressing: frames are sorted out before Gurux sees them (Link) --------
    def isTarget(self, serverAddress, clientAddress):
        return True

    # -- association ------------------------------------------------------------
    def client(self):
        return self.device.clients.get(self.settings.clientAddress)

    def onValidateAuthentication(self, authentication, password):
        # [Q7] Gurux forgets to lower the negotiated PDU size to ours; this hook
        # runs after the AARQ is parsed and before the AARE is made.
        self.settings.maxPduSize = min(self.settings.maxPduSize, self.device.max_pdu)
        client = self.client()
        given = bytes(password or b"")
        if client is None:
            verdict = SourceDiagnostic.NO_REASON_GIVEN
        elif client.authentication == "none":
            verdict = SourceDiagnostic.NONE if authentication == Authentication.NONE else SourceDiagnostic.NOT_RECOGNISED
        elif authentication == Authentication.NONE:
            verdict = SourceDiagnostic.MECHANISM_NAME_REGUIRED
        elif authentication != Authentication.LOW:
            verdict = SourceDiagnostic.NOT_RECOGNISED
        elif given != client.password.encode("utf-8"):
            verdict = SourceDiagnostic.AUTHENTICATION_FAILURE
        else:
            verdict = SourceDiagnostic.NONE
        log("%s: AARQ from client %d, %s: %s" % (self.name, self.settings.clientAddress,
                                                 Authentication(authentication).name, SourceDiagnostic(verdict).name))
        return verdict

    def onConnected(self, connectionInfo):
        log("%s: associated, max PDU %d" % (self.name, self.settings.maxPduSize))

    def onInvalidConnection(self, connectionInfo):
        log("%s: association refused" % self.name)

    def onDisconnected(self, connectionInfo):
        log("%s: association released" % self.name)

    # -- access rights: the file's, reduced for clients without the write right --
    def mode_for_client(self, obj, attribute):
        decl = self.declared.get(id(obj))
        mode = decl.mode(attribute) if decl else "r"
        client = self.client()
        return mode if client and client.may_write else READ_ONLY.get(mode, mode)

    def onGetAttributeAccess(self, arg):
        return ACCESS[self.mode_for_client(arg.target, arg.index)]

    def onGetMethodAccess(self, arg):
        client = self.client()
        return MethodAccessMode.ACCESS if client and client.may_write else MethodAccessMode.NO_ACCESS

    # -- reads --------------------------------------------------------------------
    # [Q2] GET-normal calls notifyRead() and onPostRead() without arguments.  The
    # event it has just made is the newest one (see _event_init).
    def notifyRead(self):
        self.onPreRead([self.newest_event])

    def onPostRead(self, args=None):
        pass

    def onPreRead(self, args):
        for e in args:
            target = e.target
            if self.mode_for_client(target, e.index) not in ("r", "rw"):
                # Gurux refuses a read only when the mode is "none"; also refuse "w".
                e.error, e.value, e.byteArray, e.handled = ErrorCode.READ_WRITE_DENIED, b"", True, True
            elif isinstance(target, GXDLMSClock) and e.index == 2:
                target.time = self.shared.stamp(self.shared.now())
            elif isinstance(target, GXDLMSRegister) and e.index == 3:
                # [Q15] Gurux derives the scaler with floor(log10(x)): 1000 gives 2.
                scaler = self.declared[id(target)].props["scaler"]
                e.value = bytes([DataType.STRUCTURE, 2, DataType.INT8, scaler & 0xFF,
                                 DataType.ENUM, int(target.unit)])
                e.byteArray = e.handled = True
            elif isinstance(target, GXDLMSProfileGeneric) and e.index == 2:
                self.read_buffer(target, e)

    def read_buffer(self, profile, e):
        """[Q16] The buffer, whole or selected, encoded here: Gurux's range filter
        compares a datetime with 0, and when no columns are asked for it writes
        rows that announce a value but carry none."""
        rows, columns = profile.buffer, list(range(len(profile.captureObjects)))
        params = e.parameters
        if e.selector not in (0, 1, 2):
            e.error, e.value, e.byteArray, e.handled = ErrorCode.OTHER_REASON, b"", True, True
            return
        if e.selector == 1 and params:
            start, end = self.received_time(params[1]), self.received_time(params[2])
            clock = next((n for n, (o, _a) in enumerate(profile.captureObjects) if isinstance(o, GXDLMSClock)), None)
            rows = [] if clock is None else [r for r in rows if start <= self.shared.instant(r[clock]) <= end]
            wanted = params[3] if len(params) > 3 and params[3] else []
            picked = [n for n, (o, a) in enumerate(profile.captureObjects)
                      if any(int(w[0]) == o.objectType and _GXCommon.toLogicalName(w[1]) == o.logicalName
                             and int(w[2]) == a.attributeIndex and int(w[3]) == a.dataIndex for w in wanted)]
            columns = picked or columns
            log("%s: %s range %s .. %s UTC: %d of %d rows" % (self.name, profile.logicalName, start.isoformat(),
                                                            end.isoformat(), len(rows), len(profile.buffer)))
        elif e.selector == 2 and params:
            first, last = max(int(params[0]), 1), int(params[1]) or len(rows)
            rows = rows[first - 1:last]
            if len(params) > 3:
                low, high = max(int(params[2]), 1), int(params[3]) or len(columns)
                columns = columns[low - 1:high]
            log("%s: %s entries %d..%d: %d rows" % (self.name, profile.logicalName, first, last, len(rows)))
        kinds = [c.kind for c in self.declared[id(profile)].props["columns"]]
        out = GXByteBuffer()
        out.setUInt8(DataType.ARRAY)
        _GXCommon.setObjectCount(len(rows), out)
        for row in rows:
            out.setUInt8(DataType.STRUCTURE)
            _GXCommon.setObjectCount(len(columns), out)
            for n in columns:
                _GXCommon.setData(self.settings, out, DATA_TYPES[kinds[n]], row[n])
        e.value, e.byteArray, e.handled = out.array(), True, True

    def received_time(self, value):
        if isinstance(value, (bytes, bytearray)):   # date-time sent as a 12-byte octet-string
            value = _GXCommon.changeType(self.settings, bytearray(value), DataType.DATETIME)
        return self.shared.instant(value)

    # -- writes -------------------------------------------------------------------
    def onPreWrite(self, args):
        for e in args:
            target = e.target
            log("%s: client %d writes %d/%s/%d = %r" % (self.name, self.settings.clientAddress,
                                                         target.objectType, target.logicalName, e.index, e.value))
            if isinstance(target, GXDLMSClock) and e.index == 2:
                value = e.value
                if isinstance(value, (bytes, bytearray)):
                    value = _GXCommon.changeType(self.settings, bytearray(value), DataType.DATETIME)
                wanted = self.shared.instant(value)
                self.shared.clock_shift = wanted - datetime.datetime.now(UTC).replace(microsecond=0)
                log("%s: clock now %s UTC" % (self.name, wanted.replace(tzinfo=None).isoformat()))
                e.handled = True
            elif isinstance(target, GXDLMSClock) and e.index == 3:
                self.shared.utc_offset = self.device.zone_from_attribute(e.value)
                target.timeZone = int(e.value)
                log("%s: time zone now UTC%+d:%02d" % (self.name, int(self.shared.utc_offset / 60), abs(self.shared.utc_offset) % 60))
                e.handled = True

    def onPostWrite(self, args):
        for e in args:
            if not e.handled and e.error == ErrorCode.OK:
                self.shared.written[(int(e.target.objectType), e.target.logicalName, e.index)] = e.value

    def onPreAction(self, args):
        pass

    def onPostAction(self, args):
        pass

    def onPreGet(self, args):
        pass

    def onPostGet(self, args):
        pass

    def onFindObject(self, objectType, sn, ln):
        return None

    # -- [Q14] services and request types the AARE did not grant -------------------
    def refused_for_conformance(self, command, body):
        if command not in _NEEDED or body is None or body.position >= body.size:
            return []
        service, by_type = _NEEDED[command]
        needed = [service]
        request_type = body.getUInt8(body.position)
        if command != Command.ACCESS_REQUEST and request_type in by_type:
            needed.append(by_type[request_type])
        # get-request-normal: type, invoke-id, class (2), instance (6), attribute, then
        # the access-selection flag at offset 11
        flag = body.position + 11
        if command == Command.GET_REQUEST and request_type == 1 and flag < body.size and body.getUInt8(flag):
            needed.append("selective-access")
        return [n for n in needed if not self.settings.negotiatedConformance & CONFORMANCE[n]]

    def handleCommand(self, cmd, data, sr):
        missing = self.refused_for_conformance(cmd, data)
        if missing:
            log("%s: %s needs %s, not granted: exception-response" % (self.name, Command(cmd).name,
                                                                      ", ".join(missing)))
            self.replyData.clear()
            GXDLMS.addLLCBytes(self.settings, self.replyData)
            self.replyData.set(bytes([Command.EXCEPTION_RESPONSE, 1, 2]))  # service not allowed / not supported
            return GXDLMS.getHdlcFrame(self.settings, 0, self.replyData)
        try:
            return super().handleCommand(cmd, data, sr)
        except Exception:  # pylint: disable=broad-except
            # [Q18] Gurux's own error path raises again; answer hardware-fault instead.
            log("%s: %s failed:\n%s" % (self.name, Command(cmd).name, traceback.format_exc().rstrip()))
            self.transaction = None
            self.settings.count = self.settings.index = 0
            self.replyData.clear()
            return self.reportError(cmd, ErrorCode.HARDWARE_FAULT)

    # -- [Q1] SNRM: Gurux reads self.hdlc (None) and calls a missing update(), and
    # writes the UA's group length with its arguments swapped -------------------
    def handleSnrmRequest(self, data):
        h = self.settings.hdlc
        h.maxInfoTX = h.maxInfoRX = 128        # HDLC defaults for parameters not proposed
        h.windowSizeTX = h.windowSizeRX = 1
        GXDLMS.parseSnrmUaResponse(data, h)    # the client's receive limits become our transmit ones
        h.maxInfoTX, h.maxInfoRX = min(h.maxInfoTX, self.shared.max_info), min(h.maxInfoRX, self.shared.max_info)
        h.windowSizeTX, h.windowSizeRX = min(h.windowSizeTX, self.shared.window), min(h.windowSizeRX, self.shared.window)
        self.reset(True)
        group = GXByteBuffer()
        for ident, value in ((_HDLCInfo.MAX_INFO_TX, h.maxInfoTX), (_HDLCInfo.MAX_INFO_RX, h.maxInfoRX)):
            group.setUInt8(ident)
            GXDLMS.appendHdlcParameter(group, value)
        for ident, value in ((_HDLCInfo.WINDOW_SIZE_TX, h.windowSizeTX), (_HDLCInfo.WINDOW_SIZE_RX, h.windowSizeRX)):
            group.setUInt8(ident)
            group.setUInt8(4)
            group.setUInt32(value)
        self.replyData.set(bytes([0x81, 0x80, len(group)]))
        self.replyData.set(group)
        self.settings.connected = ConnectionState.HDLC
        log("%s: SNRM from client %d: max info tx %d rx %d, window tx %d rx %d" % (
            self.name, self.settings.clientAddress, h.maxInfoTX, h.maxInfoRX, h.windowSizeTX, h.windowSizeRX))

    # [Q6] The UA to DISC reads self.hdlc too: send it without an information field.
    def generateDisconnectRequest(self):
        pass

    # [Q12] The RLRE has no LLC header and wrong lengths: send a plain one,
    # reason normal (0), no user-information.
    def handleReleaseRequest(self, data):
        self.replyData.set(bytes([0xE6, 0xE7, 0x00, 0x63, 0x03, 0x80, 0x01, 0x00]))


# =============================================================================
# HDLC around Gurux: frames in, address filter, sequence numbers, windows.

def fcs16(data):
    """CRC-16/X-25 as HDLC uses it (frame check and header check sequences)."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc ^ 0xFFFF


def address_end(frame, start):
    """Index after the HDLC address starting at `start` (its last byte has bit 0 set)."""
    end = start
    while end < len(frame) - 1 and not frame[end] & 1:
        end += 1
    return end + 1


def with_final_bit(frame, final):
    """The frame with its P/F bit set or cleared, check sequences recomputed."""
    f = bytearray(frame)
    ctrl = address_end(f, address_end(f, 3))
    f[ctrl] = f[ctrl] | 0x10 if final else f[ctrl] & 0xEF
    if len(f) > ctrl + 4:   # there is an information field: HCS after the control byte
        f[ctrl + 1:ctrl + 3] = fcs16(f[1:ctrl + 1]).to_bytes(2, "little")
    f[-3:-1] = fcs16(f[1:-3]).to_bytes(2, "little")
    return bytes(f)


class Deframer:
    """Cuts a byte stream into HDLC frames 7E A?xx ... 7E (length from the format field)."""

    def __init__(self):
        self.pending = bytearray()

    def push(self, data):
        self.pending += data
        frames = []
        while True:
            start = self.pending.find(0x7E)
            if start < 0:
                self.pending.clear()
                return frames
            del self.pending[:start]
            while len(self.pending) > 1 and self.pending[1] == 0x7E:   # shared or repeated flags
                del self.pending[0]
            if len(self.pending) < 3:
                return frames
            if self.pending[1] & 0xF0 != 0xA0:   # not a frame format field: resynchronise
                del self.pending[0]
                continue
            size = ((self.pending[1] & 0x07) << 8 | self.pending[2]) + 2
            if len(self.pending) < size:
                return frames
            if self.pending[size - 1] != 0x7E:
                del self.pending[0]
                continue
            frames.append(bytes(self.pending[:size]))
            del self.pending[:size - 1]   # the closing flag may open the next frame


class Link:
    """One byte stream (a TCP connection or the pty) and its Gurux server."""

    def __init__(self, shared, name, write, trace):
        self.shared, self.name, self.write, self.trace = shared, name, write, trace
        self.gurux = DeviceServer(shared, name)
        self.deframer = Deframer()
        self.expected_ns = 0      # V(R): N(S) of the next I-frame we accept
        self.next_ns = 0          # V(S): N(S) of our next I-frame
        self.unacked = []         # our I-frames not yet acknowledged, oldest first
        self.last_reply = []      # our last answer, resent when the client repeats its frame

    def feed(self, data):
        for frame in self.deframer.push(data):
            if self.trace:
                self.trace.note(self.name, "<", frame)
            self.on_frame(frame)

    def accepts(self, frame):
        """Is the frame for us, from a known client?  Otherwise it gets no answer."""
        dev = self.shared.device
        server_end = address_end(frame, 3)
        client_end = address_end(frame, server_end)
        dst, src = frame[3:server_end], frame[server_end:client_end]
        form = len(dst)
        septets = [b >> 1 for b in dst]
        upper = lower = None
        if form == 1:
            upper = septets[0]
        elif form == 2:
            upper, lower = septets
        elif form == 4:
            upper, lower = septets[0] << 7 | septets[1], septets[2] << 7 | septets[3]
        all_station = (form == 2 and lower == 0x7F) or (form == 4 and lower == 0x3FFF)
        if all_station:
            ours = form in dev.all_station_forms and upper == dev.logical_address
        else:
            ours = form in dev.address_forms and upper == dev.logical_address and (
                form == 1 or lower == dev.physical_address)
        sap = src[0] >> 1 if len(src) == 1 else None
        if ours and sap in dev.clients:
            return True
        log("%s: no answer to a frame for server %s (%d-byte form) from client %s" % (
            self.name, dst.hex(), form, sap if sap is not None else src.hex()))
        return False

    def on_frame(self, frame):
        if len(frame) < 9 or not self.accepts(frame):
            return
        ctrl = frame[address_end(frame, address_end(frame, 3))]
        settings = self.gurux.settings
        polled = bool(ctrl & 0x10)
        if ctrl & 0xEF == 0x83:                       # SNRM: both counts restart
            self.expected_ns = self.next_ns = 0
            self.unacked, self.last_reply = [], []
        elif not ctrl & 1:                            # I-frame
            ns, nr = ctrl >> 1 & 7, ctrl >> 5 & 7
            self.acknowledged(nr)
            if ns == (self.expected_ns - 1) & 7 and polled and self.last_reply:
                log("%s: I-frame N(S)=%d again: our answer is sent again" % (self.name, ns))
                self.send(self.last_reply)
                return
            if ns == self.expected_ns:
                self.expected_ns = (ns + 1) & 7
                # [Q19] Gurux checks sequence numbers as if one frame went each way per poll;
                # set its record so that exactly this frame is the one it expects.
                if settings.senderFrame & 1:          # it last sent an RR
                    settings.receiverFrame = nr << 5 | 0x10 | ((ns - 1) & 7) << 1
                else:                                 # it last sent an I-frame
                    settings.receiverFrame = ((nr - 1) & 7) << 5 | 0x10 | ((ns - 1) & 7) << 1
            else:
                log("%s: I-frame N(S)=%d out of sequence (expected %d)" % (self.name, ns, self.expected_ns))
        elif ctrl & 0x0F == 0x01:                     # RR
            self.acknowledged(ctrl >> 5 & 7)
            if self.unacked:
                log("%s: RR leaves %d frame(s) unacknowledged: sent again" % (self.name, len(self.unacked)))
                self.send(self.unacked)
                return
        holder = GXServerReply(bytearray(frame))
        try:
            self.gurux.handleRequest(holder)
        except Exception:  # pylint: disable=broad-except
            log("%s: Gurux failed on %s:\n%s" % (self.name, frame.hex(), traceback.format_exc().rstrip()))
            return
        if not holder.reply or (not ctrl & 1 and not polled and settings.hdlc.windowSizeRX > 1):
            return                                    # nothing to say, or not asked yet (inside a window)
        burst = [bytes(holder.reply)]
        # [Q19] With a send window above 1, the following segments go at once (Gurux
        # sends one per poll); send() leaves the P/F bit on the last one only.
        while (len(burst) < settings.hdlc.windowSizeTX and burst[-1][1] & 0x08
               and self.gurux.replyData.size > self.gurux.replyData.position):
            burst.append(bytes(GXDLMS.getHdlcFrame(settings, settings.getNextSend(False), self.gurux.replyData)))
        self.unacked = []
        for f in burst:
            c = f[address_end(f, address_end(f, 3))]
            if not c & 1:
                self.next_ns = ((c >> 1) + 1) & 7
                self.unacked.append(f)
        self.last_reply = burst
        self.send(burst)

    def acknowledged(self, nr):
        """The client has every frame before N(R): keep only those after."""
        still_open = (self.next_ns - nr) & 7
        del self.unacked[:max(len(self.unacked) - still_open, 0)]

    def send(self, frames):
        if len(frames) > 1:   # a group (burst or resent): P/F only on its last frame
            frames = [with_final_bit(f, False) for f in frames[:-1]] + [with_final_bit(frames[-1], True)]
        for f in frames:
            if self.trace:
                self.trace.note(self.name, ">", f)
            self.write(f)


class Trace:
    """--trace FILE: one line per frame: seconds, connection, < in or > out, hex."""

    def __init__(self, path):
        self.out = open(path, "w", encoding="ascii")
        self.t0 = time.monotonic()

    def note(self, name, arrow, frame):
        self.out.write("%.6f %s %s %s\n" % (time.monotonic() - self.t0, name, arrow, frame.hex(" ")))
        self.out.flush()


# =============================================================================

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--device", required=True, metavar="FILE", help="the device file (JSON) to serve")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="TCP port; 0 (default) picks a free one")
    ap.add_argument("--pty", action="store_true", help="also serve a pseudo-terminal (raw mode)")
    ap.add_argument("--trace", metavar="FILE", help="write every frame to FILE in hex")
    ap.add_argument("--max-info-length", type=int, metavar="N", help="HDLC max information field (file's otherwise)")
    ap.add_argument("--window-size", type=int, metavar="N", help="HDLC window, 1..7 (file's otherwise)")
    args = ap.parse_args()
    try:
        device = load_device(args.device)
    except DeviceFileError as err:
        ap.exit(2, "gurux_device_server.py: %s\n" % err)
    max_info = args.max_info_length or device.max_info_length
    window = args.window_size or device.window_size
    if not 32 <= max_info <= 2030 or not 1 <= window <= 7:
        ap.error("--max-info-length is 32..2030 and --window-size 1..7")
    shared = Shared(device, max_info, window)
    try:
        DeviceServer(shared, "check")   # a file Gurux cannot serve stops us now, not at the first client
    except DeviceFileError as err:
        ap.exit(2, "gurux_device_server.py: %s\n" % err)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    trace = Trace(args.trace) if args.trace else None
    selector = selectors.DefaultSelector()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((args.host, args.port))
    listener.listen(16)
    selector.register(listener, selectors.EVENT_READ, None)
    lines = ["LISTEN tcp %s:%d" % (args.host, listener.getsockname()[1])]
    if args.pty:
        master, slave = os.openpty()
        tty.setraw(slave)
        # The slave stays open here, so the master never reads EIO between clients.
        selector.register(master, selectors.EVENT_READ,
                          Link(shared, "pty", lambda b: os.write(master, b), trace))
        lines.append("LISTEN pty %s" % os.ttyname(slave))
    print("\n".join(lines), flush=True)
    sys.stdout = sys.stderr   # Gurux prints some complaints; keep them off our standard output
    log("serving %r: upper %d, lower %d, forms %s, all-station %s, clients %s, max info %d, window %d, max PDU %d"
        % (device.name, device.logical_address, device.physical_address, device.address_forms,
           device.all_station_forms, ", ".join("%d %s%s" % (c.sap, c.authentication, " +write" if c.may_write else "")
                                               for c in device.clients.values()),
           max_info, window, device.max_pdu))
    while True:
        for key, _ in selector.select():
            if key.fileobj is listener:
                conn, peer = listener.accept()
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                name = "tcp:%d" % peer[1]
                selector.register(conn, selectors.EVENT_READ, Link(shared, name, conn.sendall, trace))
                log("%s: connected" % name)
                continue
            link = key.data
            try:
                data = key.fileobj.recv(4096) if isinstance(key.fileobj, socket.socket) else os.read(key.fd, 4096)
            except OSError:
                data = b""
            if not data:
                if isinstance(key.fileobj, socket.socket):
                    selector.unregister(key.fileobj)
                    key.fileobj.close()
                    log("%s: closed" % link.name)
                continue
            try:
                link.feed(data)
            except OSError as err:   # the peer went away while we answered
                log("%s: %s" % (link.name, err))


if __name__ == "__main__":
    main()
