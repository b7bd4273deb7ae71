// Kernel facts from BTF, uname and kallsyms.
#include "kernel_info.h"

#include "error.h"

#include <QCoreApplication>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <numeric>
#include <sstream>

namespace nt {

namespace {

// libbpf explains its failures on stderr; ours already say what failed and what to do, so its
// lines are shown only when asked for (NFT_TRACER_DEBUG=1).
int libbpfPrint(enum libbpf_print_level level, const char *format, va_list args) {
    static const bool debug = [] {
        const char *v = std::getenv("NFT_TRACER_DEBUG");
        return v != nullptr && *v != '\0' && std::strcmp(v, "0") != 0;
    }();
    if (!debug || level == LIBBPF_DEBUG) {
        return 0;
    }
    return std::vfprintf(stderr, format, args);
}

} // namespace

void quietLibbpf() {
    libbpf_set_print(libbpfPrint);
}

KernelBtf::KernelBtf() {
    quietLibbpf();
    btf_ = btf__load_vmlinux_btf();
    if (btf_ == nullptr) {
        throw Error(QCoreApplication::translate(
            "nt::KernelBtf",
            "cannot read the kernel's BTF type information: this kernel was built without "
            "CONFIG_DEBUG_INFO_BTF, or /sys/kernel/btf/vmlinux is not readable. nft-tracer needs "
            "a kernel with BTF (Linux 5.8 or newer with BTF, as shipped by Debian, Ubuntu, "
            "Fedora)."));
    }
}

KernelBtf::~KernelBtf() {
    btf__free(btf_);
}

std::vector<std::string> KernelBtf::dropReasons() const {
    std::vector<std::string> names;
    const int id = btf__find_by_name_kind(btf_, "skb_drop_reason", BTF_KIND_ENUM);
    if (id < 0) {
        return names; // kernels before 5.17 have no drop reasons
    }
    const struct btf_type *t = btf__type_by_id(btf_, id);
    const struct btf_enum *e = btf_enum(t);
    for (int i = 0; i < btf_vlen(t); ++i) {
        std::string name = btf__name_by_offset(btf_, e[i].name_off);
        for (const char *prefix : {"SKB_DROP_REASON_", "SKB_"}) {
            if (name.starts_with(prefix)) {
                name.erase(0, std::strlen(prefix));
                break;
            }
        }
        const auto value = static_cast<uint32_t>(e[i].val);
        if (value > 4096) {
            continue; // subsystem-encoded values and the MAX sentinel are not per-packet reasons
        }
        if (names.size() <= value) {
            names.resize(value + 1);
        }
        names[value] = name;
    }
    return names;
}

namespace {

const struct btf_type *skipModifiers(const struct btf *b, __u32 id, __u32 *outId = nullptr) {
    const struct btf_type *t = btf__type_by_id(b, id);
    while (t != nullptr && (btf_is_const(t) || btf_is_volatile(t) || btf_is_typedef(t) ||
                            btf_is_restrict(t) || btf_is_type_tag(t))) {
        id = t->type;
        t = btf__type_by_id(b, id);
    }
    if (outId != nullptr) {
        *outId = id;
    }
    return t;
}

} // namespace

std::string KernelBtf::checkTracepointArg(const std::string &tracepoint, int argIndex,
                                          const std::string &structName) const {
    const std::string typedefName = "btf_trace_" + tracepoint;
    const int id = btf__find_by_name_kind(btf_, typedefName.c_str(), BTF_KIND_TYPEDEF);
    if (id < 0) {
        return "this kernel has no tracepoint " + tracepoint;
    }
    const struct btf_type *t = btf__type_by_id(btf_, id);
    const struct btf_type *ptr = btf__type_by_id(btf_, t->type);
    if (ptr == nullptr || !btf_is_ptr(ptr)) {
        return "unexpected BTF for " + tracepoint;
    }
    const struct btf_type *proto = btf__type_by_id(btf_, ptr->type);
    if (proto == nullptr || !btf_is_func_proto(proto)) {
        return "unexpected BTF for " + tracepoint;
    }
    const int nparams = btf_vlen(proto) - 1; // the first parameter is the probe's void *data
    if (argIndex >= nparams) {
        return tracepoint + " has " + std::to_string(nparams) + " arguments on this kernel, " +
               "expected at least " + std::to_string(argIndex + 1);
    }
    const struct btf_param *p = btf_params(proto) + argIndex + 1;
    const struct btf_type *at = skipModifiers(btf_, p->type);
    if (structName.empty()) {
        return at != nullptr && (btf_is_int(at) || btf_is_enum(at))
                   ? std::string()
                   : tracepoint + ": argument " + std::to_string(argIndex + 1) +
                         " is not an integer on this kernel";
    }
    if (at == nullptr || !btf_is_ptr(at)) {
        return tracepoint + ": argument " + std::to_string(argIndex + 1) +
               " is not a pointer on this kernel";
    }
    if (structName == "*") {
        return {};
    }
    const struct btf_type *target = skipModifiers(btf_, at->type);
    const char *name = target != nullptr ? btf__name_by_offset(btf_, target->name_off) : "";
    if (target == nullptr || !btf_is_composite(target) || structName != name) {
        return tracepoint + ": argument " + std::to_string(argIndex + 1) + " is not struct " +
               structName + " * on this kernel";
    }
    return {};
}

std::string kernelDescription() {
    struct utsname u {};
    if (uname(&u) != 0) {
        return "Linux";
    }
    return std::string(u.sysname) + " " + u.release + " " + u.version + " " + u.machine;
}

std::string hostName() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) {
        return "localhost";
    }
    return buf;
}

KernelSymbols::KernelSymbols() {
    std::ifstream in("/proc/kallsyms");
    std::string line;
    std::vector<std::pair<uint64_t, std::string>> syms;
    while (std::getline(in, line)) {
        // "ffffffff81000000 T _stext" [\t[module]]
        const size_t sp1 = line.find(' ');
        if (sp1 == std::string::npos || sp1 + 3 >= line.size()) {
            continue;
        }
        const char type = line[sp1 + 1];
        if (type != 't' && type != 'T') {
            continue;
        }
        const uint64_t addr = std::strtoull(line.substr(0, sp1).c_str(), nullptr, 16);
        if (addr == 0) {
            return; // kptr_restrict hides addresses: we cannot name anything
        }
        std::string name = line.substr(sp1 + 3);
        if (const size_t tab = name.find('\t'); tab != std::string::npos) {
            name.resize(tab);
        }
        syms.emplace_back(addr, std::move(name));
    }
    std::sort(syms.begin(), syms.end());
    addrs_.reserve(syms.size());
    names_.reserve(syms.size());
    for (auto &[a, n] : syms) {
        addrs_.push_back(a);
        names_.push_back(std::move(n));
    }
}

std::string KernelSymbols::resolve(uint64_t addr) const {
    char hex[32];
    auto it = std::upper_bound(addrs_.begin(), addrs_.end(), addr);
    if (addr == 0 || it == addrs_.begin()) {
        std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(addr));
        return hex;
    }
    --it;
    const auto i = static_cast<size_t>(it - addrs_.begin());
    std::snprintf(hex, sizeof hex, "+0x%llx", static_cast<unsigned long long>(addr - *it));
    return names_[i] + hex;
}

} // namespace nt
