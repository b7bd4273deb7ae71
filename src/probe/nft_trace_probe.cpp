// Resolving __nft_trace_packet and its signature from BTF.
#include "nft_trace_probe.h"

#include "kernel_info.h"

#include "nt_event.h"

#include <bpf/btf.h>
#include <linux/btf.h>

#include <array>
#include <cstring>
#include <vector>

namespace nt {
namespace {

constexpr const char *kFunction = "__nft_trace_packet";
constexpr const char *kModule = "nf_tables";
constexpr const char *kChainFunction = "nft_do_chain";

// The name of the struct a parameter points to ("" for anything else).
std::string pointee(const struct btf *b, __u32 type) {
    const struct btf_type *t = skipModifiers(b, type);
    if (t == nullptr || !btf_is_ptr(t)) {
        return {};
    }
    const struct btf_type *s = skipModifiers(b, t->type);
    if (s == nullptr || !btf_is_struct(s)) {
        return {};
    }
    return btf__name_by_offset(b, s->name_off);
}

bool isEnumOrInt(const struct btf *b, __u32 type) {
    const struct btf_type *t = skipModifiers(b, type);
    return t != nullptr && (btf_is_enum(t) || btf_is_int(t) || btf_kind(t) == 19 /* ENUM64 */);
}

// The signature's version when the parameters are what a program of that version reads.
int signatureVersion(const struct btf *b, const struct btf_type *proto, std::string *why) {
    const auto n = static_cast<size_t>(btf_vlen(proto));
    const struct btf_param *p = btf_params(proto);
    std::vector<std::string> structs;
    for (size_t i = 0; i < n; ++i) {
        structs.push_back(pointee(b, p[i].type));
    }
    if (n == 3 && structs[0] == "nft_traceinfo" && structs[1] == "nft_chain" &&
        isEnumOrInt(b, p[2].type)) {
        return 1;
    }
    const std::array<const char *, 4> v2 = {"nft_pktinfo", "nft_verdict", "nft_rule_dp",
                                            "nft_traceinfo"};
    if (n == 5 && isEnumOrInt(b, p[4].type)) {
        bool ok = true;
        for (size_t i = 0; i < v2.size(); ++i) {
            ok = ok && structs[i] == v2[i];
        }
        if (ok) {
            return 2;
        }
    }
    std::string sig;
    for (size_t i = 0; i < n; ++i) {
        sig += (i != 0 ? ", " : "") + (structs[i].empty() ? std::string("?") : structs[i] + " *");
    }
    *why = std::string(kFunction) + " has a signature nft-tracer does not know: (" + sig + ")";
    return 0;
}

// Whether nft_do_chain is what the chain-verdict programs read: (struct nft_pktinfo *, void *)
// returning an integer. Empty when it is; else why not.
std::string checkChainFunction(const struct btf *b) {
    const int id = btf__find_by_name_kind(b, kChainFunction, BTF_KIND_FUNC);
    if (id <= 0) {
        return std::string("the BTF does not describe ") + kChainFunction;
    }
    const struct btf_type *fn = btf__type_by_id(b, static_cast<__u32>(id));
    const struct btf_type *proto = fn != nullptr ? btf__type_by_id(b, fn->type) : nullptr;
    if (proto == nullptr || !btf_is_func_proto(proto) || btf_vlen(proto) != 2 ||
        pointee(b, btf_params(proto)[0].type) != "nft_pktinfo" || !isEnumOrInt(b, proto->type)) {
        return std::string(kChainFunction) +
               " has a signature nft-tracer does not know (expected (struct nft_pktinfo *, "
               "void *) returning unsigned int)";
    }
    return {};
}

} // namespace

NftTraceProbe findNftTraceProbe(const struct btf *vmlinux) {
    NftTraceProbe probe;
    probe.function = kFunction;
    if (vmlinux == nullptr) {
        probe.error = "the kernel has no BTF";
        return probe;
    }
    const struct btf *b = vmlinux;
    BtfPtr module;
    int id = btf__find_by_name_kind(vmlinux, kFunction, BTF_KIND_FUNC);
    if (id <= 0) {
        const std::string path = std::string("/sys/kernel/btf/") + kModule;
        module.reset(btf__parse_split(path.c_str(), const_cast<struct btf *>(vmlinux)));
        if (!module) {
            probe.error = std::string("nf_tables is not loaded, or has no BTF (") + path + ")";
            return probe;
        }
        b = module.get();
        probe.module = kModule;
        id = btf__find_by_name_kind(b, kFunction, BTF_KIND_FUNC);
        if (id <= 0) {
            probe.error = std::string("the BTF of nf_tables does not describe ") + kFunction +
                          " (inlined or renamed in this kernel)";
            return probe;
        }
    }
    const struct btf_type *fn = btf__type_by_id(b, static_cast<__u32>(id));
    const struct btf_type *proto = fn != nullptr ? btf__type_by_id(b, fn->type) : nullptr;
    if (proto == nullptr || !btf_is_func_proto(proto)) {
        probe.error = std::string(kFunction) + " has no prototype in BTF";
        return probe;
    }
    probe.version = signatureVersion(b, proto, &probe.error);
    probe.chainFunction = kChainFunction;
    probe.chainError = checkChainFunction(b);
    return probe;
}

std::optional<NftTraceRecord> parseNftRecord(std::span<const uint8_t> bytes) {
    nt_nft r{};
    if (bytes.size() < sizeof r) {
        return std::nullopt;
    }
    std::memcpy(&r, bytes.data(), sizeof r);
    const size_t names = size_t{r.table_len} + r.chain_len + r.jump_len;
    if (r.type != NT_REC_NFT || bytes.size() < sizeof r + names) {
        return std::nullopt;
    }
    const auto *p = reinterpret_cast<const char *>(bytes.data() + sizeof r);
    NftTraceRecord x;
    x.tsNs = r.ts_ns;
    x.skb = r.skb;
    x.walkStart = r.walk_start != 0;
    x.ruleHandle = r.rule_handle;
    x.id = r.trace_id;
    x.iif = r.iif;
    x.oif = r.oif;
    x.mark = r.mark;
    x.nfproto = r.nfproto;
    x.family = r.family;
    x.netns = r.netns;
    x.table = std::string_view(p, r.table_len);
    x.chain = std::string_view(p + r.table_len, r.chain_len);
    x.jumpTarget = std::string_view(p + r.table_len + r.chain_len, r.jump_len);
    switch (r.trace_type) {
    case 1:
        x.type = NftTraceType::Policy;
        x.policy = r.policy;
        break;
    case 2:
        x.type = NftTraceType::Return;
        x.verdict = r.verdict;
        break;
    case NT_NFT_TRACETYPE_CHAIN:
        x.type = NftTraceType::Chain;
        x.verdict = r.verdict;
        break;
    default:
        x.type = NftTraceType::Rule;
        x.verdict = r.verdict;
        break;
    }
    return x;
}

} // namespace nt
