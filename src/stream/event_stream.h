// The event stream from the helper to its client over the StartTrace fd: a versioned, framed,
// little-endian binary format; the encoder the helper uses and the incremental decoder the client
// uses (which trusts nothing it reads).
#pragma once

#include "error.h"
#include "event.h"
#include "trace.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// Wire format, version 2 (version 1 lacked LossCounters::excluded). Every integer little-endian;
// strings and byte arrays are a u32 length then the bytes (strings UTF-8, no terminator).
//
//   stream  := StreamStart Frame*            (the writer closes the fd after End or Error)
//   StreamStart (8 bytes) := "NTEV" u16 version u16 flags     (flags: 0; readers ignore them)
//   Frame   := u32 payloadLength  u16 type  u16 reserved (0; ignored)  payload[payloadLength]
//
// Frame types (unknown types are skipped whole, so a newer writer can add frames; a known type
// whose payload is malformed fails the stream):
//   Header   (1)  first frame: TraceMeta, probes, drop reason names, kernel symbols, ruleset JSON
//   Records  (2)  events (56-byte struct nt_event records, see bpf/nt_event.h), packet headers
//                 each with the index of the event it precedes, nft trace records, new kernel
//                 symbols. One RecordBatch may be split into several Records frames (the encoder
//                 does it when the batch is big); each sequence keeps its order across frames.
//   Counters (3)  LossCounters, events and frames the helper dropped because the client did not
//                 read fast enough, events/s
//   End      (4)  last frame of a trace that stopped: the final TraceMeta (stop times, loss)
//   Error    (5)  last frame of a trace that failed: the message (already translated)
//   Interfaces (6) (version 2) interface names by netns and ifindex, each from a time on: all of
//                 them right after Header, then those added or renamed while recording
//   LossMarks (7) (version 3) times (CLOCK_MONOTONIC ns, ascending) at which the recorder found
//                 the ring buffer had overflowed, each with the loss counted by then: nft
//                 records near them are unjoined for that reason, as in a file's loss_marks
//
// Order: Header comes first (an Error may come instead); the others only after Header; nothing
// after End or Error.
namespace nt::stream {

constexpr char kMagic[4] = {'N', 'T', 'E', 'V'};
// 2: LossCounters gained `excluded`; 3: nft records carry the conntrack attributes; 4: nft
// records read in BPF carry their skb and walk start.
constexpr uint16_t kVersion = 4;
constexpr size_t kStreamStartBytes = 8;
constexpr size_t kFrameHeaderBytes = 8;

// Limits the decoder enforces (and the encoder respects) on everything the peer sends.
constexpr uint32_t kMaxFrameBytes = 16u << 20;   // one frame's payload
constexpr size_t kTargetFrameBytes = 1u << 20;   // the encoder splits Records frames above this
constexpr uint32_t kMaxStringBytes = 64u << 10;  // any string but the ruleset
constexpr uint32_t kMaxRulesetBytes = 15u << 20; // the ruleset JSON (fits in one frame)
constexpr uint32_t kMaxHeaderBytes = 1024;       // nft trace record header bytes, each
constexpr uint32_t kMaxPacketBytes = NT_PACKET_CAPLEN; // packet header bytes
constexpr uint32_t kMaxProbes = 65536;
constexpr uint32_t kMaxDropReasons = 65536;
constexpr size_t kEventWireBytes = 56; // struct nt_event as it is in memory on little-endian hosts

enum class FrameType : uint16_t {
    Header = 1,
    Records = 2,
    Counters = 3,
    End = 4,
    Error = 5,
    Interfaces = 6,
    LossMarks = 7,
};
constexpr uint32_t kMaxInterfaceNameBytes = 128;

// What a Header frame carries: the trace as known at start. events, packets and nft are not
// part of it (they come in Records frames) and are empty when decoded.
struct HeaderFrame {
    Trace trace;
};

// One Records frame (or one batch to encode): the RecordBatch's order semantics hold
// (packetBefore non-decreasing, each ≤ events.size()).
struct RecordsFrame {
    RecordBatch batch;
    std::vector<NftTraceRecord> nft;
    std::vector<KernelSymbol> symbols; // addresses named for the first time
};

struct CountersFrame {
    LossCounters loss;
    uint64_t streamDroppedEvents = 0; // events the helper dropped: the client read too slowly
    uint64_t streamDroppedFrames = 0;
    double eventsPerSecond = 0; // finite, ≥ 0
};

struct EndFrame {
    TraceMeta meta; // final: stop times and loss counters filled in
};

struct ErrorFrame {
    std::string message;
};

struct InterfacesFrame {
    std::vector<InterfaceName> interfaces;
};

struct LossMarksFrame {
    std::vector<LossMark> marks;
};

using StreamItem = std::variant<HeaderFrame, RecordsFrame, CountersFrame, EndFrame, ErrorFrame,
                                InterfacesFrame, LossMarksFrame>;

// Malformed or unsupported input (decoder), or something the format cannot carry (encoder).
class StreamError : public nt::Error {
public:
    enum class Kind {
        BadMagic,           // not an nft-tracer event stream
        UnsupportedVersion, // written by a newer (or broken) helper
        FrameTooLarge,      // frame length above kMaxFrameBytes
        Malformed,          // a known frame whose payload does not parse or breaks a limit
        Truncated,          // the stream ended inside the stream start or a frame
        OutOfOrder,         // e.g. Records before Header, anything after End
        TooLarge,           // encoder: a field above its limit
    };
    StreamError(Kind kind, const QString &message) : nt::Error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

// ---- Encoder (helper side). Each returns / appends complete bytes ready to write. ----

// The 8 bytes written once before the first frame.
std::string encodeStreamStart();

// Header frame from trace.meta, probes, dropReasons, symbols, rulesetJson. Throws StreamError
// (TooLarge) if a field is above its limit.
std::string encodeHeader(const Trace &trace);

// One or more Records frames (split above kTargetFrameBytes) for one batch. Throws
// StreamError (TooLarge) on a field above its limit, std::invalid_argument on a batch that breaks
// RecordBatch's invariants (packets.size() != packetBefore.size(), decreasing packetBefore, an
// index past events.size()).
std::string encodeRecords(const RecordBatch &batch, const std::vector<NftTraceRecord> &nft,
                          const std::vector<KernelSymbol> &symbols);
void appendRecords(std::string &out, const RecordBatch &batch,
                   const std::vector<NftTraceRecord> &nft,
                   const std::vector<KernelSymbol> &symbols);

std::string encodeCounters(const CountersFrame &counters);
// Interfaces frames (split so each stays below kTargetFrameBytes); nothing for an empty list.
// Throws StreamError (TooLarge) on a name above kMaxInterfaceNameBytes.
std::string encodeInterfaces(std::span<const InterfaceName> interfaces);
// LossMarks frames (split so each stays below kTargetFrameBytes); nothing for an empty list.
std::string encodeLossMarks(std::span<const LossMark> marks);
std::string encodeEnd(const TraceMeta &meta);
// Messages above kMaxStringBytes are cut (at a UTF-8 boundary) rather than refused.
std::string encodeError(std::string_view message);

// ---- Decoder (client side). ----

// Fed the bytes as they arrive (split anywhere); produces items in stream order. On malformed
// input it throws StreamError and stays failed: every later feed() throws the same error.
class StreamDecoder {
public:
    // Appends the items completed by these bytes to `out` (items decoded before a throw are
    // already in `out`).
    void feed(const char *data, size_t size, std::vector<StreamItem> &out);
    void feed(std::string_view bytes, std::vector<StreamItem> &out) {
        feed(bytes.data(), bytes.size(), out);
    }
    // The peer closed the stream: throws StreamError (Truncated) when it ended inside the
    // stream start or a frame, or before any frame at all.
    void finish();

    bool failed() const { return failed_; }
    bool headerSeen() const { return headerSeen_; }
    bool ended() const { return ended_; } // End or Error decoded
    uint16_t version() const { return version_; }
    uint64_t skippedFrames() const { return skipped_; } // unknown frame types
    size_t bufferedBytes() const { return buf_.size() - pos_; }

private:
    [[noreturn]] void fail(StreamError::Kind kind, const QString &message);
    void decodeFrame(uint16_t type, const char *payload, size_t size, std::vector<StreamItem> &out);

    std::string buf_;
    size_t pos_ = 0; // consumed bytes at the front of buf_
    bool started_ = false, headerSeen_ = false, ended_ = false, failed_ = false;
    uint16_t version_ = 0;
    uint64_t skipped_ = 0;
    StreamError::Kind errorKind_ = StreamError::Kind::Malformed;
    QString errorMessage_;
};

} // namespace nt::stream
