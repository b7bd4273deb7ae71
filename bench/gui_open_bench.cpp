// Opening a 1M-event trace in the desktop app: time until the journeys are listed and the
// window painted, time until fully loaded, resident bytes per event. Prints figures only.
#include "main_window.h"
#include "synthetic_trace.h"
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

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const uint32_t packets = argc > 1 ? static_cast<uint32_t>(std::atoi(argv[1])) : 100'000;
    const std::string path = "/tmp/nt-gui-open-bench.nftrace";
    nt::test::writeSyntheticTrace(path, packets);
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
    const nt::TraceDocument &doc = *window.document();
    size_t headerBytes = 0;
    for (const nt::PacketHeader &h : doc.trace()->packets) {
        headerBytes += sizeof(h) + h.data.capacity();
    }
    std::printf("  of which journeys and events      %.1f bytes/event\n",
                static_cast<double>(doc.assembler()->memoryBytes()) / static_cast<double>(events));
    std::printf("  of which packet headers           %.1f bytes/event\n",
                static_cast<double>(headerBytes) / static_cast<double>(events));
    std::printf("  resident memory                   %.1f bytes/event (%ld KiB)\n",
                static_cast<double>(after - before) * 1024.0 / static_cast<double>(events),
                after - before);
    nt::TraceWriter::discard(path);
    return 0;
}
