// Opening a 1M-event trace in the desktop app: time until the journeys are listed and the
// window painted, time until fully loaded, resident bytes per event. Prints figures only.
#include "main_window.h"
#include "trace_document.h"
#include "tracefile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

long residentKiB() {
    std::ifstream in("/proc/self/status");
    std::string key;
    long value = 0;
    while (in >> key) {
        if (key == "VmRSS:") {
            in >> value;
            return value;
        }
        in.ignore(1 << 16, '\n');
    }
    return 0;
}

// 100k packets of 10 events each over 4 CPUs' worth of interleaving, skb addresses recycled:
// the shape of a busy recording on one host.
void writeTrace(const std::string &path, uint32_t packets) {
    nt::TraceWriter::discard(path);
    nt::TraceMeta meta;
    meta.host = "bench";
    meta.backend = "tracepoints+nftrace";
    meta.startMonoNs = 1'000'000'000;
    meta.startWallNs = 1'700'000'000'000'000'000LL;
    nt::TraceWriter w(path, meta);
    w.setDropReasons(
        std::vector<std::string>{"NOT_DROPPED_YET", "CONSUMED", "NOT_SPECIFIED", "NO_SOCKET"});
    static const uint16_t probes[] = {
        NT_PROBE_NETIF_RX,           NT_PROBE_NETIF_RECEIVE_SKB,       NT_PROBE_FIB_TABLE_LOOKUP,
        NT_PROBE_TCP_PROBE,          NT_PROBE_SKB_COPY_DATAGRAM_IOVEC, NT_PROBE_NET_DEV_QUEUE,
        NT_PROBE_NET_DEV_START_XMIT, NT_PROBE_QDISC_ENQUEUE,           NT_PROBE_QDISC_DEQUEUE,
        NT_PROBE_CONSUME_SKB};
    std::vector<nt::Event> batch;
    for (uint32_t p = 0; p < packets; ++p) {
        const uint64_t skb = 0xffff888100000000ULL + (p % 512) * 0x100;
        const uint64_t t0 = meta.startMonoNs + uint64_t{p} * 10'000;
        nt::PacketHeader h;
        h.skb = skb;
        h.tsNs = t0;
        h.len = 60;
        h.protocol = 0x0800;
        h.data = {0x45,
                  0,
                  0,
                  60,
                  uint8_t(p >> 8),
                  uint8_t(p),
                  0x40,
                  0,
                  64,
                  6,
                  0,
                  0,
                  10,
                  0,
                  0,
                  1,
                  10,
                  0,
                  0,
                  2,
                  uint8_t(p >> 8),
                  uint8_t(p),
                  0x01,
                  0xbb,
                  0,
                  0,
                  0,
                  1,
                  0,
                  0,
                  0,
                  0,
                  0x50,
                  0x02,
                  0xff,
                  0xff};
        w.append(h);
        for (int i = 0; i < 10; ++i) {
            nt::Event e{};
            e.type = NT_REC_EVENT;
            e.flags = i == 0 ? NT_EVF_FIRST : 0;
            e.probe = probes[i];
            e.cpu = static_cast<uint16_t>(p % 4);
            e.protocol = 0x0800;
            e.ts_ns = t0 + uint64_t(i) * 700;
            e.skb = skb;
            e.netns = 4026531840;
            e.ifindex = 2;
            e.len = 60;
            batch.push_back(e);
        }
        if (batch.size() >= 4096) {
            w.append(batch);
            w.commit();
            batch.clear();
        }
    }
    w.append(batch);
    meta.stopMonoNs = meta.startMonoNs + uint64_t{packets} * 10'000;
    meta.stopWallNs = meta.startWallNs + static_cast<int64_t>(uint64_t{packets} * 10'000);
    w.finish(meta);
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const uint32_t packets = argc > 1 ? static_cast<uint32_t>(std::atoi(argv[1])) : 100'000;
    const std::string path = "/tmp/nt-gui-open-bench.nftrace";
    writeTrace(path, packets);
    const uint64_t events = uint64_t{packets} * 10;

    nt::MainWindow window;
    window.resize(1440, 900);
    window.show();
    QApplication::processEvents();
    const long before = residentKiB();

    QElapsedTimer timer;
    double firstPaintMs = -1, loadedMs = -1;
    QEventLoop loop;
    QObject::connect(window.document(), &nt::TraceDocument::journeysAppended, &window, [&] {
        if (firstPaintMs < 0) {
            window.grab(); // forces the first paint with journeys listed
            firstPaintMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        }
    });
    QObject::connect(window.document(), &nt::TraceDocument::loaded, &window, [&] {
        loadedMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
    });
    QObject::connect(window.document(), &nt::TraceDocument::failed, &loop, &QEventLoop::quit);
    timer.start();
    window.openFile(QString::fromStdString(path));
    loop.exec();
    if (firstPaintMs < 0) {
        window.grab();
        firstPaintMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    const long after = residentKiB();
    std::printf("gui open: %llu events, %u journeys\n", static_cast<unsigned long long>(events),
                packets);
    std::printf("  first paint with journeys listed  %.0f ms\n", firstPaintMs);
    std::printf("  fully loaded                      %.0f ms\n", loadedMs);
    std::printf("  resident memory                   %.1f bytes/event (%ld KiB)\n",
                static_cast<double>(after - before) * 1024.0 / static_cast<double>(events),
                after - before);
    nt::TraceWriter::discard(path);
    return 0;
}
