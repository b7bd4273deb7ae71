// Finds sk_buff functions in BTF, keeps those the kernel can trace, caches the result.
#include "discovery.h"

#include "error.h"
#include "kernel_info.h"

#include <QCoreApplication>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_set>

namespace nt {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxSkbArg = 5;     // the generic programs read arguments 1..5
constexpr int kMaxPktinfoArg = 3; // and nft_pktinfo arguments 1..3

bool isPointerTo(const struct btf *b, __u32 typeId, const char *structName) {
    const struct btf_type *t = skipModifiers(b, typeId);
    if (t == nullptr || !btf_is_ptr(t)) {
        return false;
    }
    const struct btf_type *target = skipModifiers(b, t->type);
    return target != nullptr && btf_is_struct(target) &&
           std::strcmp(btf__name_by_offset(b, target->name_off), structName) == 0;
}

// Functions of one BTF blob (for a module: only its own types, after the base's).
void scanBtf(const struct btf *b, __u32 firstId, const std::string &module,
             std::vector<KernelFunction> &out, std::unordered_set<std::string> &seen) {
    const __u32 n = btf__type_cnt(b);
    for (__u32 id = firstId; id < n; ++id) {
        const struct btf_type *t = btf__type_by_id(b, id);
        if (t == nullptr || !btf_is_func(t)) {
            continue;
        }
        const struct btf_type *proto = btf__type_by_id(b, t->type);
        if (proto == nullptr || !btf_is_func_proto(proto)) {
            continue;
        }
        const struct btf_param *params = btf_params(proto);
        const int nparams = btf_vlen(proto);
        int arg = 0;
        bool pktinfo = false;
        for (int i = 0; i < std::min(nparams, kMaxSkbArg) && arg == 0; ++i) {
            arg = isPointerTo(b, params[i].type, "sk_buff") ? i + 1 : 0;
        }
        for (int i = 0; i < std::min(nparams, kMaxPktinfoArg) && arg == 0; ++i) {
            pktinfo = isPointerTo(b, params[i].type, "nft_pktinfo");
            arg = pktinfo ? i + 1 : 0;
        }
        if (arg == 0) {
            continue;
        }
        std::string name = btf__name_by_offset(b, t->name_off);
        if (seen.insert(name).second) {
            KernelFunction f;
            f.name = std::move(name);
            f.module = module;
            f.skbArg = static_cast<uint8_t>(arg);
            f.pktinfo = pktinfo;
            out.push_back(std::move(f));
        }
    }
}

// The names the kernel lets us attach to: ftrace's list when tracefs is readable, else every
// text symbol (a superset: notrace functions are in it, and refuse to attach later).
std::unordered_set<std::string> traceableNames(std::string &source) {
    std::unordered_set<std::string> names;
    for (const char *path : {"/sys/kernel/tracing/available_filter_functions",
                             "/sys/kernel/debug/tracing/available_filter_functions"}) {
        std::ifstream in(path);
        if (!in) {
            continue;
        }
        std::string line;
        while (std::getline(in, line)) {
            // "ip_rcv" or "veth_xmit [veth]"
            const size_t sp = line.find(' ');
            names.insert(sp == std::string::npos ? line : line.substr(0, sp));
        }
        if (!names.empty()) {
            source = path;
            return names;
        }
    }
    forEachTextSymbol([&](uint64_t, std::string &&name) { names.insert(std::move(name)); });
    source = "/proc/kallsyms";
    return names;
}

std::string readSmallFile(const std::string &path) {
    std::ifstream in(path);
    std::string s;
    std::getline(in, s);
    return s;
}

uint64_t fnv1a(const std::string &data, uint64_t h = 1469598103934665603ULL) {
    for (const char c : data) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}

// What identifies one kernel build and its loaded modules: the release, the vmlinux BTF's bytes
// and each module BTF's name and size. A different key is a different cache file.
std::string cacheKey(const std::string &btfDir) {
    std::ifstream in(btfDir + "/vmlinux", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string vmlinux = bytes.str();
    std::vector<std::string> modules;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(btfDir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name != "vmlinux") {
            modules.push_back(name + ":" + std::to_string(entry.file_size(ec)));
        }
    }
    std::sort(modules.begin(), modules.end());
    std::string key = "nft-tracer-functions 2 " + readSmallFile("/proc/sys/kernel/osrelease");
    char hex[40];
    std::snprintf(hex, sizeof hex, " vmlinux:%zu:%016llx", vmlinux.size(),
                  static_cast<unsigned long long>(fnv1a(vmlinux)));
    key += hex;
    for (const std::string &m : modules) {
        key += " " + m;
    }
    return key;
}

bool loadCache(const std::string &path, const std::string &key, Discovery &d) {
    std::ifstream in(path);
    std::string line;
    if (!std::getline(in, line) || line != key || !std::getline(in, d.traceableSource) ||
        !std::getline(in, line)) {
        return false;
    }
    d.btfFunctions = std::strtoull(line.c_str(), nullptr, 10);
    while (std::getline(in, line)) {
        // name \t module \t arg, "p" after the arg for an nft_pktinfo
        const size_t t1 = line.find('\t');
        const size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string::npos) {
            return false;
        }
        KernelFunction f;
        f.name = line.substr(0, t1);
        f.module = line.substr(t1 + 1, t2 - t1 - 1);
        const int arg = std::atoi(line.c_str() + t2 + 1);
        f.pktinfo = line.back() == 'p';
        if (f.name.empty() || arg < 1 || arg > (f.pktinfo ? kMaxPktinfoArg : kMaxSkbArg)) {
            return false;
        }
        f.skbArg = static_cast<uint8_t>(arg);
        d.functions.push_back(std::move(f));
    }
    return true;
}

// Best effort: a cache that cannot be written only costs the next run a scan.
void saveCache(const std::string &path, const std::string &key, const Discovery &d) {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    const std::string tmp = path + ".tmp" + std::to_string(getpid());
    {
        std::ofstream outFile(tmp, std::ios::trunc);
        if (!outFile) {
            return;
        }
        outFile << key << '\n' << d.traceableSource << '\n' << d.btfFunctions << '\n';
        for (const KernelFunction &f : d.functions) {
            outFile << f.name << '\t' << f.module << '\t' << int(f.skbArg) << (f.pktinfo ? "p" : "")
                    << '\n';
        }
        if (!outFile.flush()) {
            fs::remove(tmp, ec);
            return;
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
    }
}

} // namespace

std::string discoveryCacheDir() {
    if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
        return std::string(xdg) + "/nft-tracer";
    }
    if (geteuid() != 0) {
        if (const char *home = std::getenv("HOME"); home != nullptr && *home == '/') {
            return std::string(home) + "/.cache/nft-tracer";
        }
    }
    return "/var/cache/nft-tracer";
}

Discovery discoverFunctions(const DiscoveryOptions &options) {
    quietLibbpf();
    const std::string vmlinuxPath = options.btfDir + "/vmlinux";
    BtfPtr vmlinux(btf__parse(vmlinuxPath.c_str(), nullptr));
    if (!vmlinux) {
        throw Error(QCoreApplication::translate(
                        "nt::Discovery",
                        "cannot read the kernel's BTF at %1: this kernel was built without "
                        "CONFIG_DEBUG_INFO_BTF, so its functions cannot be discovered. Tracepoints "
                        "still work.")
                        .arg(QString::fromStdString(vmlinuxPath)));
    }

    Discovery d;
    std::string key;
    if (options.useCache) {
        key = cacheKey(options.btfDir);
        char name[40];
        std::snprintf(name, sizeof name, "/functions-%016llx.tsv",
                      static_cast<unsigned long long>(fnv1a(key)));
        d.cachePath = discoveryCacheDir() + name;
        if (loadCache(d.cachePath, key, d)) {
            d.fromCache = true;
        } else {
            d = Discovery{};
            d.cachePath = discoveryCacheDir() + name;
        }
    }

    if (!d.fromCache) {
        std::vector<KernelFunction> found;
        std::unordered_set<std::string> seen;
        scanBtf(vmlinux.get(), 1, "", found, seen);
        std::vector<fs::path> modules;
        std::error_code ec;
        for (const auto &entry : fs::directory_iterator(options.btfDir, ec)) {
            if (entry.path().filename() != "vmlinux") {
                modules.push_back(entry.path());
            }
        }
        std::sort(modules.begin(), modules.end());
        for (const fs::path &m : modules) {
            BtfPtr mod(btf__parse_split(m.c_str(), vmlinux.get()));
            if (mod) {
                scanBtf(mod.get(), btf__type_cnt(vmlinux.get()), m.filename().string(), found,
                        seen);
            }
        }
        d.btfFunctions = found.size();
        const std::unordered_set<std::string> traceable = traceableNames(d.traceableSource);
        for (KernelFunction &f : found) {
            if (traceable.contains(f.name)) {
                d.functions.push_back(std::move(f));
            }
        }
        if (options.useCache) {
            saveCache(d.cachePath, key, d);
        }
    }

    for (KernelFunction &f : d.functions) {
        const Classification c = classify(f.name);
        f.layer = c.layer;
        f.priority = c.priority;
    }
    sortByImportance(d.functions);
    return d;
}

} // namespace nt
