#!/usr/bin/env python3
"""Reads a DLMS/COSEM server with the Gurux client library (gurux-dlms 1.0.203).

An independent peer for es951-sim: every request is built and every reply
parsed by Gurux; this script only carries the HDLC frames (raw over TCP, or
over a serial line / pty) or, with --wrapper, the IEC 62056-47 wrapper PDUs
over TCP, keeps the HDLC sequence numbers honest when a window larger than 1
is used, and prints what happened as JSON lines.

  gurux_read.py --tcp 127.0.0.1:4059 --read 1/0.0.96.1.0.255/2 --read 8/0.0.1.0.0.255/2
  gurux_read.py --serial /tmp/es951 --profile 1.0.98.2.0.255 --from 2026-01-01 --to 2026-01-10
  gurux_read.py --tcp 127.0.0.1:4059 --client 32 --auth low --password admin@emis --set-clock now
  gurux_read.py --tcp 127.0.0.1:4059 --wrapper --read 1/0.0.96.1.0.255/2

Order: SNRM, AARQ, --read ..., --read-all-map, --profile, --set-clock, RLRQ, DISC
(with --wrapper: no SNRM and no DISC; the TCP connection is the link).

Every line has "op"; the last one is {"op": "done", "rc": ..., counters}.
Exit status: 0 all fine, 1 a read or write failed, 2 association refused,
3 transport or protocol error (including the overall --deadline).
"""
import argparse
import datetime
import json
import os
import select
import signal
import socket
import sys
import termios
import time
import tty

try:
    from gurux_dlms import GXDLMSClient, GXReplyData, GXByteBuffer, GXDateTime
    from gurux_dlms import GXDLMSException, GXDLMSConfirmedServiceError, GXDLMS
    from gurux_dlms.enums import InterfaceType, Authentication, ObjectType, RequestTypes, DataType
    from gurux_dlms.objects import GXDLMSProfileGeneric, GXDLMSClock
except ImportError as import_error:  # the venv is made by scripts/test-tools.sh
    print(json.dumps({"op": "error", "error": "gurux-dlms is not installed: %s" % import_error}), flush=True)
    sys.exit(3)

FLAG = 0x7E


# -- output -------------------------------------------------------------------

def emit(**fields):
    print(json.dumps(fields, default=str), flush=True)


def to_json(value):
    """A value as Gurux decoded it, made JSON-friendly. Octet-strings become
    {"hex": ..., "text": ...} (text only when every byte is printable ASCII)."""
    if isinstance(value, (bytes, bytearray)):
        data = bytes(value)
        out = {"hex": data.hex()}
        if data and all(32 <= b < 127 for b in data):
            out["text"] = data.decode("ascii")
        return out
    if isinstance(value, GXDateTime):
        return value.value.isoformat() if value.value else str(value)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    if hasattr(value, "value") and isinstance(getattr(value, "value"), (int, str)):
        return value.value          # GXEnum, GXUInt8 … wrappers
    return str(value)


def type_name(code):
    """Gurux's name of a simple value's A-XDR type; None when it does not say
    (arrays and structures)."""
    try:
        return DataType(code).name.lower() if code else None
    except (ValueError, TypeError):
        return None


# -- HDLC framing (our own; Gurux checks the CRCs) ----------------------------

def hdlc_fields(frame):
    """(destination bytes, source bytes, control byte) of one whole frame."""
    pos = 3
    start = pos
    while pos < len(frame) and not frame[pos] & 1:
        pos += 1
    dst = frame[start:pos + 1]
    pos += 1
    start = pos
    while pos < len(frame) and not frame[pos] & 1:
        pos += 1
    src = frame[start:pos + 1]
    pos += 1
    ctrl = frame[pos] if pos < len(frame) else 0
    return dst, src, ctrl


def server_address(raw):
    """HDLC server address bytes -> (upper, lower)."""
    parts = [b >> 1 for b in raw]
    if len(raw) == 4:
        return (parts[0] << 7) | parts[1], (parts[2] << 7) | parts[3]
    if len(raw) == 2:
        return parts[0], parts[1]
    return parts[0] if parts else None, None


class Deframer:
    """Cuts a byte stream into HDLC frames 7E A0LL ... 7E (shared flags allowed)."""

    def __init__(self):
        self.buffer = bytearray()
        self.junk = 0

    def push(self, data):
        self.buffer += data
        frames = []
        while True:
            while self.buffer and self.buffer[0] != FLAG:
                del self.buffer[0]
                self.junk += 1
            while len(self.buffer) >= 2 and self.buffer[1] == FLAG:
                del self.buffer[0]
            if len(self.buffer) < 3:
                return frames
            if self.buffer[1] & 0xF0 != 0xA0:
                del self.buffer[0]
                self.junk += 1
                continue
            total = (((self.buffer[1] & 0x07) << 8) | self.buffer[2]) + 2
            if len(self.buffer) < total:
                return frames
            if self.buffer[total - 1] != FLAG:
                del self.buffer[0]
                self.junk += 1
                continue
            frames.append(bytes(self.buffer[:total]))
            del self.buffer[:total - 1]          # the closing flag may open the next


class WrapperDeframer:
    """Cuts a byte stream into IEC 62056-47 wrapper PDUs: 00 01, source wPort,
    destination wPort, length (all 16 bits), then length bytes of APDU."""

    def __init__(self):
        self.buffer = bytearray()
        self.junk = 0

    def push(self, data):
        self.buffer += data
        frames = []
        while len(self.buffer) >= 8:
            if self.buffer[0] != 0 or self.buffer[1] != 1:
                raise ConnectionError("wrapper version %02x%02x, not 0001" % (self.buffer[0], self.buffer[1]))
            total = 8 + ((self.buffer[6] << 8) | self.buffer[7])
            if len(self.buffer) < total:
                break
            frames.append(bytes(self.buffer[:total]))
            del self.buffer[:total]
        return frames


class Line:
    """Raw bytes over TCP or a serial device / pty, with a per-read timeout."""

    def __init__(self, args):
        self.timeout = args.timeout
        self.wrapper = args.wrapper
        self.deframer = WrapperDeframer() if args.wrapper else Deframer()
        self.queue = []
        self.count = {"tx_frames": 0, "tx_bytes": 0, "rx_frames": 0, "rx_bytes": 0,
                      "rx_i_frames": 0, "rx_segmented": 0}
        self.trace = open(args.trace, "w", encoding="ascii") if args.trace else None
        self.t0 = time.monotonic()
        self.sock = None
        self.fd = None
        if args.serial:
            self.target = args.serial
            self.fd = os.open(args.serial, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
            tty.setraw(self.fd)
            attrs = termios.tcgetattr(self.fd)
            attrs[4] = attrs[5] = termios.B9600
            attrs[2] = (attrs[2] | termios.CLOCAL | termios.CREAD) & ~termios.CRTSCTS
            termios.tcsetattr(self.fd, termios.TCSANOW, attrs)
            termios.tcflush(self.fd, termios.TCIOFLUSH)
        else:
            host, _, port = args.tcp.rpartition(":")
            self.target = args.tcp
            self.sock = socket.create_connection((host, int(port)), timeout=args.timeout)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _log(self, arrow, frame):
        if self.trace:
            self.trace.write("%.6f %s %s\n" % (time.monotonic() - self.t0, arrow,
                                               " ".join("%02x" % b for b in frame)))
            self.trace.flush()

    def send(self, frame):
        frame = bytes(frame)
        self.count["tx_frames"] += 1
        self.count["tx_bytes"] += len(frame)
        self._log(">", frame)
        if self.sock:
            self.sock.sendall(frame)
            return
        view = memoryview(frame)
        while view:
            select.select([], [self.fd], [], self.timeout)
            try:
                view = view[os.write(self.fd, view):]
            except BlockingIOError:
                continue

    def _chunk(self):
        if self.sock:
            try:
                data = self.sock.recv(4096)
            except socket.timeout:
                raise TimeoutError("no answer within %.1f s" % self.timeout) from None
            if not data:
                raise ConnectionError("the server closed the connection")
            return data
        ready, _, _ = select.select([self.fd], [], [], self.timeout)
        if not ready:
            raise TimeoutError("no answer within %.1f s" % self.timeout)
        try:
            data = os.read(self.fd, 4096)
        except OSError as error:          # EIO: the pty's other side went away
            raise ConnectionError("serial line: %s" % error) from None
        if not data:
            raise ConnectionError("serial line closed")
        return data

    def receive(self):
        while not self.queue:
            data = self._chunk()
            self.count["rx_bytes"] += len(data)
            self.queue.extend(self.deframer.push(data))
        frame = self.queue.pop(0)
        self.count["rx_frames"] += 1
        if not self.wrapper and frame[1] & 0x08:
            self.count["rx_segmented"] += 1
        self._log("<", frame)
        return frame

    def close(self):
        if self.sock:
            self.sock.close()
        if self.fd is not None:
            os.close(self.fd)
        if self.trace:
            self.trace.close()


# -- the session ---------------------------------------------------------------

class ProtocolError(Exception):
    pass


class Peer:
    """Drives a GXDLMSClient over a Line.

    Gurux assumes one received I-frame per frame it sends (it bumps its N(R)
    once per request), which is wrong as soon as a server sends a window of
    several frames, or repeats one. So this class keeps V(R) and V(S) itself,
    checks every received N(S) and N(R), drops out-of-sequence frames
    (go-back-N, IEC 62056-46 §6.4.4.4.3.3) and, before Gurux sees a frame or
    builds one, rewrites Gurux's two sequence registers so that its own
    checks agree with ours.
    """

    def __init__(self, args, line):
        self.args = args
        self.line = line
        auth = Authentication.LOW if args.auth == "low" else Authentication.NONE
        if args.wrapper:        # wPorts: the client SAP and the logical device
            address = args.logical
        else:
            address = GXDLMSClient.getServerAddress(args.logical, args.physical, args.address_size)
        self.client = GXDLMSClient(True, args.client, address, auth,
                                   args.password if auth == Authentication.LOW else None,
                                   InterfaceType.WRAPPER if args.wrapper else InterfaceType.HDLC)
        self.client.serverAddressSize = args.address_size
        hdlc = self.client.hdlcSettings
        hdlc.maxInfoTX = hdlc.maxInfoRX = args.max_info
        hdlc.windowSizeTX = hdlc.windowSizeRX = args.window
        self.client.maxReceivePDUSize = args.max_pdu
        self.vr = 0              # next N(S) we expect
        self.vs = 0              # next N(S) we send
        self.acked = 0           # oldest unacknowledged N(S) of ours
        self.rx_i = 0            # I-frames received (for --drop-rx)
        self.discarding = False
        self.count = {"rr_sent": 0, "next_block_requests": 0, "discarded": 0,
                      "out_of_sequence": 0, "hdlc_errors": 0}
        self.reply_address = None

    # Gurux's senderFrame holds the control byte of the last frame it built;
    # bits 5-7 are the N(R) it put there. It adds 1 before building an RR or
    # the first I-frame of a request, so V(R) - 1 gives V(R) on the wire.
    def _align_sender(self):
        if self.args.wrapper:
            return
        settings = self.client.settings
        settings.senderFrame = (settings.senderFrame & 0x1F) | (((self.vr - 1) & 7) << 5)

    # Gurux's receiverFrame is what it expects the next I-frame to look like
    # (minus one step); set it so that exactly this control byte passes.
    def _align_receiver(self, ctrl):
        settings = self.client.settings
        ns, nr = (ctrl >> 1) & 7, (ctrl >> 5) & 7
        if settings.senderFrame & 1 == 0:     # last frame sent was an I-frame
            settings.receiverFrame = (((nr - 1) & 7) << 5) | 0x10 | (((ns - 1) & 7) << 1)
        else:                                 # last frame sent was an RR
            settings.receiverFrame = (ctrl & 0xF0) | (((ns - 1) & 7) << 1)

    def _sent(self, frame):
        _, _, ctrl = hdlc_fields(frame)
        if ctrl & 1 == 0:
            self.vs = (((ctrl >> 1) & 7) + 1) & 7
        self.line.send(frame)

    def _check_nr(self, nr, what):
        """N(R) must lie between our oldest unacknowledged frame and V(S)."""
        outstanding = (self.vs - self.acked) & 7
        if (nr - self.acked) & 7 > outstanding:
            self.count["hdlc_errors"] += 1
            emit(op="hdlc_error", error="%s N(R)=%d outside %d..%d" % (what, nr, self.acked, self.vs))
        else:
            self.acked = nr

    def _send_rr(self):
        frame = GXDLMS.getHdlcFrame(self.client.settings, (self.vr << 5) | 0x11, None)
        self.count["rr_sent"] += 1
        self.line.send(frame)

    def _accept(self, frame):
        """True when Gurux should see this frame; False when it is discarded."""
        if self.args.wrapper:
            source = (frame[2] << 8) | frame[3]
            if self.reply_address is None:
                self.reply_address = (source, None)
            return True
        _, src, ctrl = hdlc_fields(frame)
        if self.reply_address is None:
            self.reply_address = server_address(src)
        if ctrl & 1:                                  # S or U frame
            if ctrl & 3 == 1:
                self._check_nr((ctrl >> 5) & 7, "RR/RNR")
            return True
        self.line.count["rx_i_frames"] += 1
        self.rx_i += 1
        ns, nr = (ctrl >> 1) & 7, (ctrl >> 5) & 7
        final = bool(ctrl & 0x10)
        if self.args.drop_rx and self.rx_i == self.args.drop_rx:
            emit(op="hdlc_drop", frame=self.rx_i, ns=ns, vr=self.vr, final=final)
            self.discarding = True
        elif ns != self.vr and not self.discarding:
            self.count["out_of_sequence"] += 1
            emit(op="hdlc_out_of_sequence", ns=ns, vr=self.vr, final=final)
            self.discarding = True
        elif self.discarding and ns == self.vr and self.rx_i != self.args.drop_rx:
            self.discarding = False                 # the repeat we asked for
        if self.discarding:
            self.count["discarded"] += 1
            if final:                               # end of the window: ask again from V(R)
                self._send_rr()
            return False
        self._check_nr(nr, "I")
        self.vr = (ns + 1) & 7
        self._align_receiver(ctrl)
        return True

    def exchange(self, frames):
        """Sends one request (list of frames, or one frame) and returns the
        complete reply: all HDLC segments, all GET blocks."""
        reply = GXReplyData()
        if isinstance(frames, (bytes, bytearray)):
            frames = [frames]
        for frame in frames:
            reply.clear()
            self._send_and_receive(frame, reply)
            while reply.isMoreData():
                if reply.moreData & RequestTypes.FRAME:
                    self.count["rr_sent"] += 1
                else:
                    self.count["next_block_requests"] += 1
                self._align_sender()
                more = self.client.receiverReady(reply)
                if isinstance(more, list):
                    for extra in more[:-1]:
                        self._send_and_receive(extra, reply)
                    more = more[-1] if more else None
                self._send_and_receive(more, reply)
        return reply

    def _send_and_receive(self, frame, reply):
        if frame is not None:
            self._sent(frame)
        notify = GXReplyData()
        while True:
            raw = self.line.receive()
            if not self._accept(raw):
                continue
            _, _, ctrl = hdlc_fields(raw)
            if not self.client.getData(GXByteBuffer(bytearray(raw)), reply, notify):
                continue
            if self.args.wrapper:       # one whole APDU per PDU
                break
            # Inside a window (P/F clear) more frames follow without a poll.
            if ctrl & 0x11 == 0 and reply.isMoreData():
                continue
            break
        if reply.error:
            raise GXDLMSException(reply.error)

    # -- services --------------------------------------------------------------

    def connect(self):
        if self.args.wrapper:
            self.client.snrmRequest()   # None for the wrapper; resets Gurux's state
            return self._associate()
        reply = self.exchange(self.client.snrmRequest())
        self.client.parseUAResponse(reply.data)
        hdlc = self.client.hdlcSettings
        self.vr = self.vs = self.acked = 0
        upper, lower = self.reply_address or (None, None)
        emit(op="ua", ok=True, max_info_tx=hdlc.maxInfoTX, max_info_rx=hdlc.maxInfoRX,
             window_tx=hdlc.windowSizeTX, window_rx=hdlc.windowSizeRX,
             reply_upper=upper, reply_lower=lower)
        return self._associate()

    def _associate(self):
        aare = None
        try:
            self._align_sender()
            reply = self.exchange(self.client.aarqRequest())
            aare = bytes(reply.data.array()).hex()
            self.client.parseAareResponse(reply.data)
        except GXDLMSException as refusal:
            result = getattr(refusal, "result", None)
            diagnostic = getattr(refusal, "diagnostic", None)
            emit(op="aare", ok=False, result_code=_int(result), diagnostic_code=_int(diagnostic),
                 result=getattr(result, "name", None), diagnostic=getattr(diagnostic, "name", None),
                 aare_hex=aare, error=str(refusal).replace("\r\n", " "))
            return False
        except GXDLMSConfirmedServiceError as refusal:
            emit(op="aare", ok=False, result_code=None, diagnostic_code=None, aare_hex=aare,
                 error="confirmed-service-error: %s" % refusal)
            return False
        emit(op="aare", ok=True, result_code=0, diagnostic_code=0, aare_hex=aare,
             auth=self.args.auth, client=self.args.client,
             max_pdu=self.client.settings.maxPduSize,
             conformance=_int(self.client.negotiatedConformance))
        return True

    def read(self, class_id, obis, attr):
        started = time.monotonic()
        blocks, frames = self.count["next_block_requests"], self.line.count["rx_frames"]
        spec = "%d/%s/%d" % (class_id, obis, attr)
        try:
            self._align_sender()
            reply = self.exchange(self.client._read(obis, class_id, attr))  # pylint: disable=protected-access
        except GXDLMSException as failure:
            emit(op="read", attribute=spec, ok=False, error_code=_int(failure.errorCode),
                 error=str(failure))
            return False
        emit(op="read", attribute=spec, ok=True, type=type_name(reply.valueType),
             value=to_json(reply.value),
             blocks=self.count["next_block_requests"] - blocks + 1,
             rx_frames=self.line.count["rx_frames"] - frames,
             ms=round((time.monotonic() - started) * 1000, 1))
        return True

    def profile(self, obis, start=None, end=None):
        generic = GXDLMSProfileGeneric(obis)
        try:
            self._align_sender()
            reply = self.exchange(self.client.read(generic, 3))
            self.client.updateValue(generic, 3, reply.value)
        except GXDLMSException as failure:
            emit(op="profile", obis=obis, ok=False, attr=3, error_code=_int(failure.errorCode),
                 error=str(failure))
            return False
        columns = ["%d/%s/%d" % (int(obj.objectType), obj.logicalName, where.attributeIndex)
                   for obj, where in generic.captureObjects]
        started = time.monotonic()
        blocks = self.count["next_block_requests"]
        frames, segmented = self.line.count["rx_frames"], self.line.count["rx_segmented"]
        try:
            self._align_sender()
            if start is None:
                reply = self.exchange(self.client.read(generic, 2))
            else:
                reply = self.exchange(self.client.readRowsByRange(generic, start, end))
            self.client.updateValue(generic, 2, reply.value)
        except GXDLMSException as failure:
            emit(op="profile", obis=obis, ok=False, attr=2, columns=columns,
                 error_code=_int(failure.errorCode), error=str(failure))
            return False
        rows = [to_json(list(row)) for row in generic.buffer]
        stamps = [row[0] for row in rows if row and isinstance(row[0], str)]
        emit(op="profile", obis=obis, ok=True, columns=columns,
             selector="range" if start is not None else "all",
             start=start.isoformat() if start else None, end=end.isoformat() if end else None,
             rows=len(rows), first=rows[0] if rows else None, last=rows[-1] if rows else None,
             first_time=stamps[0] if stamps else None, last_time=stamps[-1] if stamps else None,
             ascending=stamps == sorted(stamps),
             blocks=self.count["next_block_requests"] - blocks + 1,
             rx_frames=self.line.count["rx_frames"] - frames,
             rx_segmented=self.line.count["rx_segmented"] - segmented,
             ms=round((time.monotonic() - started) * 1000, 1))
        if self.args.print_rows:
            for row in rows:
                emit(op="row", obis=obis, row=row)
        return True

    def set_clock(self, when):
        clock = GXDLMSClock("0.0.1.0.0.255")
        clock.time = GXDateTime(when)
        try:
            self._align_sender()
            self.exchange(self.client.write(clock, 2))
        except GXDLMSException as failure:
            emit(op="write", attribute="8/0.0.1.0.0.255/2", ok=False,
                 error_code=_int(failure.errorCode), error=str(failure))
            return False
        emit(op="write", attribute="8/0.0.1.0.0.255/2", ok=True, value=when.isoformat())
        return True

    def release(self):
        self._align_sender()
        frames = self.client.releaseRequest()
        if not frames:
            return
        reply = self.exchange(frames)
        emit(op="release", ok=True, rlre_hex=bytes(reply.data.array()).hex())

    def disconnect(self):
        if self.args.wrapper:       # no link layer: closing TCP ends it
            emit(op="disconnect", ok=True, reply="none (wrapper)")
            return
        frame = self.client.disconnectRequest(True)
        self.line.send(frame)
        raw = self.line.receive()
        _, _, ctrl = hdlc_fields(raw)
        name = {0x73: "UA", 0x1F: "DM"}.get(ctrl, "0x%02x" % ctrl)
        emit(op="disconnect", ok=ctrl in (0x73, 0x1F), reply=name)
        if ctrl not in (0x73, 0x1F):
            raise ProtocolError("DISC answered with control 0x%02x" % ctrl)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# -- command line ---------------------------------------------------------------

def parse_time(text):
    if text == "now":
        return datetime.datetime.now().replace(microsecond=0)
    return datetime.datetime.fromisoformat(text)


def parse_attribute(text):
    try:
        class_id, obis, attr = text.split("/")
        if len(obis.split(".")) != 6:
            raise ValueError
        return int(class_id), obis, int(attr)
    except ValueError:
        raise argparse.ArgumentTypeError("expected CLASS/OBIS/ATTR, e.g. 1/0.0.96.1.0.255/2, not %r" % text)


def map_attributes(path, client):
    """Every attribute the map lets `client` read, as (class, obis, attr)."""
    with open(path, encoding="utf-8") as handle:
        device_map = json.load(handle)
    found = []
    for obj in device_map["objects"]:
        for attribute in obj.get("attributes", []):
            if client in attribute.get("read", []):
                found.append((int(obj["class"]), obj["obis"], int(attribute["index"])))
    return found


def arguments():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--tcp", metavar="HOST:PORT", help="raw HDLC frames over TCP")
    where.add_argument("--serial", metavar="PATH", help="serial device or pty (raw, 9600 8N1)")
    parser.add_argument("--wrapper", action="store_true",
                        help="IEC 62056-47 wrapper over TCP instead of HDLC (wPorts: --client, --logical)")
    parser.add_argument("--client", type=int, default=16, help="client SAP (16 NLS, 32/48 LLS)")
    parser.add_argument("--logical", type=int, default=1, help="server upper address (default 1)")
    parser.add_argument("--physical", type=lambda s: int(s, 0), default=0x3FFF,
                        help="server lower address (default 0x3FFF, all stations)")
    parser.add_argument("--address-size", type=int, choices=[1, 2, 4], default=4)
    parser.add_argument("--auth", choices=["none", "low"], default="none")
    parser.add_argument("--password", default="")
    parser.add_argument("--max-info", type=int, default=128, help="HDLC max information field, both ways")
    parser.add_argument("--window", type=int, default=1, help="HDLC window, both ways (1..7)")
    parser.add_argument("--max-pdu", type=int, default=0xFFFF, help="client max receive PDU (AARQ)")
    parser.add_argument("--timeout", type=float, default=5.0, help="wait for one answer, seconds")
    parser.add_argument("--deadline", type=float, default=60.0,
                        help="hard limit for the whole run, seconds (then exit 3)")
    parser.add_argument("--read", action="append", default=[], type=parse_attribute,
                        metavar="CLASS/OBIS/ATTR")
    parser.add_argument("--read-all-map", metavar="FILE",
                        help="also read every attribute the device map lets --client read")
    parser.add_argument("--profile", metavar="OBIS", help="profile generic: capture objects, then buffer")
    parser.add_argument("--from", dest="start", metavar="ISO", help="range start (selective access 1)")
    parser.add_argument("--to", dest="end", metavar="ISO", help="range end (default now)")
    parser.add_argument("--print-rows", action="store_true")
    parser.add_argument("--set-clock", metavar="ISO|now")
    parser.add_argument("--drop-rx", type=int, default=0, metavar="N",
                        help="pretend the N-th received I-frame was lost (go-back-N, then RR)")
    parser.add_argument("--trace", metavar="FILE", help="one line per frame: time, > or <, hex")
    args = parser.parse_args()
    if not 1 <= args.window <= 7:
        parser.error("--window must be 1..7")
    if not 32 <= args.max_info <= 2030:
        parser.error("--max-info must be 32..2030")
    if args.wrapper and not args.tcp:
        parser.error("--wrapper needs --tcp")
    if args.end and not args.start:
        parser.error("--to needs --from")
    return args


def main():
    args = arguments()
    started = time.monotonic()
    state = {"rc": 3, "peer": None, "line": None}

    def finish(rc, error=None):
        if error:
            emit(op="error", error=error)
        counters = {}
        if state["line"]:
            counters.update(state["line"].count)
            counters["junk_bytes"] = state["line"].deframer.junk
        if state["peer"]:
            counters.update(state["peer"].count)
        emit(op="done", rc=rc, ms=round((time.monotonic() - started) * 1000, 1), **counters)

    def out_of_time(_signum, _frame):
        finish(3, "deadline of %.0f s reached" % args.deadline)
        os._exit(3)  # pylint: disable=protected-access

    signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, args.deadline)

    reads = list(args.read)
    try:
        if args.read_all_map:
            reads += map_attributes(args.read_all_map, args.client)
        start = parse_time(args.start) if args.start else None
        end = (parse_time(args.end) if args.end else parse_time("now")) if start else None
        when = parse_time(args.set_clock) if args.set_clock else None
    except (OSError, ValueError, KeyError) as error:
        finish(3, "bad input: %s" % error)
        return 3

    rc = 0
    try:
        line = state["line"] = Line(args)
        peer = state["peer"] = Peer(args, line)
        emit(op="connect", target=line.target, client=args.client, logical=args.logical,
             physical=args.physical, address_size=args.address_size, auth=args.auth,
             max_info=args.max_info, window=args.window)
        if not peer.connect():
            rc = 2
        else:
            for class_id, obis, attr in reads:
                if not peer.read(class_id, obis, attr):
                    rc = 1
            if args.profile and not peer.profile(args.profile, start, end):
                rc = 1
            if when and not peer.set_clock(when):
                rc = 1
            peer.release()
        peer.disconnect()
    except Exception as error:  # pylint: disable=broad-except
        signal.setitimer(signal.ITIMER_REAL, 0)
        finish(3, "%s: %s" % (type(error).__name__, error))
        return 3
    finally:
        if state["line"]:
            state["line"].close()
    signal.setitimer(signal.ITIMER_REAL, 0)
    if state["peer"] and state["peer"].count["hdlc_errors"]:
        rc = 3
    finish(rc)
    return rc


if __name__ == "__main__":
    sys.exit(main())
