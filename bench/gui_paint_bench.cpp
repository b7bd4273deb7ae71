// Swimlane paint time and latency chart recomputation with 100k synthetic journeys loaded.
// Paint figures are the view's own painting (lanes, ruler, journeys) of a 1600x600 widget into
// an image, as its paintEvent does into the window's backing store.
#include "assembler.h"
#include "filter.h"
#include "latency_charts.h"
#include "latency_stats.h"
#include "packet_list_model.h"
#include "report.h"
#include "swimlane_view.h"
#include "trace.h"

#include <QApplication>
#include <QEventLoop>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

#include <cstring>
#include <functional>
#include <memory>
#include <numeric>
#include <vector>

namespace {

constexpr size_t kJourneys = 100'000;

std::vector<uint8_t> tcpSyn(uint32_t i) {
    std::vector<uint8_t> b(40, 0);
    b[0] = 0x45;
    b[3] = 40;
    b[4] = static_cast<uint8_t>(i >> 8);
    b[5] = static_cast<uint8_t>(i);
    b[8] = 64;
    b[9] = 6;
    const uint8_t addrs[8] = {10, 0, static_cast<uint8_t>(i >> 16), 1, 10, 0, 0, 2};
    std::memcpy(&b[12], addrs, 8);
    b[20] = static_cast<uint8_t>(i >> 8);
    b[21] = static_cast<uint8_t>(i);
    b[23] = 22;
    std::memcpy(&b[24], &i, 4);
    b[32] = 0x50;
    b[33] = 0x02;
    return b;
}

// 100k packets received 10 µs apart, each: netif_rx, netif_receive_skb, a fib lookup, an nft
// rule decision at input, then tcp_probe + consume_skb, or (every 10th) kfree_skb dropped by
// the rule. Per-packet jitter spreads the per-layer times.
struct Synthetic {
    nt::Trace trace;
    std::unique_ptr<nt::Assembler> assembler;
    std::vector<nt::JourneyId> all;

    Synthetic() {
        trace.dropReasons = {"NOT_DROPPED_YET", "CONSUMED",      "NOT_SPECIFIED",
                             "NO_SOCKET",       "PKT_TOO_SMALL", "TCP_CSUM",
                             "SOCKET_FILTER",   "UDP_CSUM",      "NETFILTER_DROP"};
        for (uint32_t p = 0; p < kJourneys; ++p) {
            const uint64_t t0 = 1'000'000'000 + uint64_t{p} * 10'000;
            const uint64_t skb = 0xffff888100000000ULL + uint64_t{p} * 0x100;
            const uint64_t jitter = (p * 7919) % 5000;
            const bool drop = p % 10 == 0;
            nt::PacketHeader h;
            h.skb = skb;
            h.tsNs = t0;
            h.netns = 4026531840;
            h.len = 40;
            h.protocol = 0x0800;
            h.data = tcpSyn(p);
            auto ev = [&](uint16_t probe, uint64_t ts, uint32_t aux = 0) {
                nt::Event e{};
                e.type = NT_REC_EVENT;
                e.probe = probe;
                e.protocol = 0x0800;
                e.ts_ns = ts;
                e.skb = skb;
                e.netns = 4026531840;
                e.ifindex = 2;
                e.len = 40;
                e.aux = aux;
                trace.events.push_back(e);
            };
            ev(NT_PROBE_NETIF_RX, t0);
            trace.packets.push_back(h);
            ev(NT_PROBE_NETIF_RECEIVE_SKB, t0 + 1000 + jitter / 2);
            ev(NT_PROBE_FIB_TABLE_LOOKUP, t0 + 2500 + jitter);
            nt::NftTraceRecord r;
            r.tsNs = t0 + 3500 + jitter;
            r.id = p + 1;
            r.ruleHandle = drop ? 3 : 2;
            r.verdict = drop ? nt::verdict::Drop : nt::verdict::Accept;
            r.type = nt::NftTraceType::Rule;
            r.family = 1;
            r.nfproto = 2;
            r.iif = 2;
            r.table = "fw";
            r.chain = "input";
            r.networkHeader.assign(h.data.begin(), h.data.begin() + 20);
            r.transportHeader.assign(h.data.begin() + 20, h.data.end());
            trace.nft.push_back(std::move(r));
            if (drop) {
                ev(NT_PROBE_KFREE_SKB, t0 + 4000 + jitter, 8);
            } else {
                ev(NT_PROBE_TCP_PROBE, t0 + 4500 + jitter * 2);
                ev(NT_PROBE_CONSUME_SKB, t0 + 6000 + jitter * 2);
            }
        }
        assembler = std::make_unique<nt::Assembler>(nt::Assembler::assemble(trace));
        all.resize(assembler->journeyCount());
        std::iota(all.begin(), all.end(), 0);
    }
};

Synthetic &data() {
    static Synthetic s;
    return s;
}

std::vector<nt::JourneyId> firstN(size_t n) {
    return {data().all.begin(),
            data().all.begin() + static_cast<long>(std::min(n, data().all.size()))};
}

// `moving`: zoom a little every frame, as while dragging or zooming, so nothing painted in
// the previous frame can be reused.
void paint(benchmark::State &state, const std::vector<nt::JourneyId> &ids, bool align,
           bool moving = true) {
    Synthetic &d = data();
    nt::SwimlaneView view;
    view.resize(1600, 600);
    view.setTrace(&d.trace, d.assembler.get());
    view.setAlignStarts(align);
    view.showJourneys(ids);
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    bool in = true;
    for (auto _ : state) {
        if (moving) {
            view.zoomBy(in ? 1.01 : 1 / 1.01, 800);
            in = !in;
        }
        QPainter painter(&image);
        view.renderDiagram(painter);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["journeys_loaded"] = static_cast<double>(d.assembler->journeyCount());
    state.counters["journeys_shown"] = static_cast<double>(view.journeysShown());
}

void BM_SwimlanePaintOneJourney(benchmark::State &state) {
    paint(state, {10}, true);
}
BENCHMARK(BM_SwimlanePaintOneJourney)->Unit(benchmark::kMillisecond);

void BM_SwimlanePaint1000Aligned(benchmark::State &state) {
    paint(state, firstN(1000), true);
}
BENCHMARK(BM_SwimlanePaint1000Aligned)->Unit(benchmark::kMillisecond);

void BM_SwimlanePaint1000Absolute(benchmark::State &state) {
    paint(state, firstN(1000), false);
}
BENCHMARK(BM_SwimlanePaint1000Absolute)->Unit(benchmark::kMillisecond);

void BM_SwimlanePaintAll100kAligned(benchmark::State &state) {
    paint(state, data().all, true);
}
BENCHMARK(BM_SwimlanePaintAll100kAligned)->Unit(benchmark::kMillisecond);

// Repaints without a view change (hover, focus): the polylines come from the cache.
void BM_SwimlaneRepaintAll100kAligned(benchmark::State &state) {
    paint(state, data().all, true, false);
}
BENCHMARK(BM_SwimlaneRepaintAll100kAligned)->Unit(benchmark::kMillisecond);

// Absolute time zoomed in: the binary search skips every journey outside the view.
void BM_SwimlanePaintAll100kAbsoluteZoomed(benchmark::State &state) {
    Synthetic &d = data();
    nt::SwimlaneView view;
    view.resize(1600, 600);
    view.setTrace(&d.trace, d.assembler.get());
    view.setAlignStarts(false);
    view.showJourneys(d.all);
    for (int i = 0; i < 20; ++i) {
        view.zoomIn();
    }
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        view.renderDiagram(painter);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["visible_us"] = view.visibleRangeUs().second - view.visibleRangeUs().first;
}
BENCHMARK(BM_SwimlanePaintAll100kAbsoluteZoomed)->Unit(benchmark::kMillisecond);

void BM_SwimlaneShow1000(benchmark::State &state) {
    Synthetic &d = data();
    nt::SwimlaneView view;
    view.resize(1600, 600);
    view.setTrace(&d.trace, d.assembler.get());
    const auto ids = firstN(1000);
    for (auto _ : state) {
        view.showJourneys(ids);
    }
}
BENCHMARK(BM_SwimlaneShow1000)->Unit(benchmark::kMillisecond);

void BM_SwimlaneShowAll100k(benchmark::State &state) {
    Synthetic &d = data();
    nt::SwimlaneView view;
    view.resize(1600, 600);
    view.setTrace(&d.trace, d.assembler.get());
    for (auto _ : state) {
        view.showJourneys(d.all);
    }
}
BENCHMARK(BM_SwimlaneShowAll100k)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LayerLatencyStats(benchmark::State &state) {
    const auto ids = firstN(static_cast<size_t>(state.range(0)));
    for (auto _ : state) {
        nt::LayerLatencyStats s = nt::computeLayerLatency(*data().assembler, ids);
        benchmark::DoNotOptimize(s.endToEnd.median);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_LayerLatencyStats)->Arg(1000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The GUI-thread part of a chart refresh: statistics (below the background threshold) and
// rebuilding the box plot, histogram and table.
void BM_LatencyChartsRefresh1000(benchmark::State &state) {
    Synthetic &d = data();
    nt::LatencyCharts charts;
    charts.resize(1200, 700);
    charts.setTrace(&d.trace, d.assembler.get());
    const auto ids = firstN(1000);
    for (auto _ : state) {
        charts.setVisibleJourneys(ids);
    }
}
BENCHMARK(BM_LatencyChartsRefresh1000)->Unit(benchmark::kMillisecond);

// The packet list over 100k journeys: a sort by a column whose key needs the decoded header,
// one by a number, a filter on addresses and ports. "Held" is the time the GUI thread spends in
// the call (the work runs on a worker); "UntilShown" waits for the rows to be shown.
void listModel(benchmark::State &state, const std::function<void(nt::PacketListModel &)> &op,
               bool untilShown) {
    Synthetic &d = data();
    const nt::Report report(d.trace, *d.assembler);
    for (auto _ : state) {
        state.PauseTiming();
        nt::PacketListModel model;
        model.setSource(&d.trace, d.assembler.get(), &report);
        model.appendJourneys(d.all);
        state.ResumeTiming();
        op(model);
        while (untilShown && model.busy()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        state.PauseTiming();
        while (model.busy()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        }
        state.ResumeTiming();
    }
}
void sortBySource(nt::PacketListModel &m) {
    m.sort(nt::PacketListModel::SourceColumn, Qt::DescendingOrder);
}
void sortByDuration(nt::PacketListModel &m) {
    m.sort(nt::PacketListModel::DurationColumn, Qt::AscendingOrder);
}
void filterAddresses(nt::PacketListModel &m) {
    m.setFilter(nt::Filter::parse("src net 10.0.1.0/24 and tcp port 22"));
}
void BM_PacketListSortBySource100kHeld(benchmark::State &state) {
    listModel(state, sortBySource, false);
}
BENCHMARK(BM_PacketListSortBySource100kHeld)->Unit(benchmark::kMillisecond);
void BM_PacketListSortBySource100kUntilShown(benchmark::State &state) {
    listModel(state, sortBySource, true);
}
BENCHMARK(BM_PacketListSortBySource100kUntilShown)->Unit(benchmark::kMillisecond);
void BM_PacketListSortByDuration100kUntilShown(benchmark::State &state) {
    listModel(state, sortByDuration, true);
}
BENCHMARK(BM_PacketListSortByDuration100kUntilShown)->Unit(benchmark::kMillisecond);
void BM_PacketListFilter100kHeld(benchmark::State &state) {
    listModel(state, filterAddresses, false);
}
BENCHMARK(BM_PacketListFilter100kHeld)->Unit(benchmark::kMillisecond);
void BM_PacketListFilter100kUntilShown(benchmark::State &state) {
    listModel(state, filterAddresses, true);
}
BENCHMARK(BM_PacketListFilter100kUntilShown)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
