// Kernel functions in the desktop app: the Start dialog's choices and the StartTrace options
// they make, and function events in the statistics, the swimlane and the journey detail.
#include "assembler.h"
#include "journey_detail.h"
#include "language.h"
#include "report.h"
#include "sample_trace_fixture.h"
#include "start_dialog.h"
#include "statistics_view.h"
#include "swimlane_view.h"
#include "trace_document.h"
#include "unit/journey_fixtures.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <algorithm>
#include <functional>
#include <map>

namespace {

using namespace nt;
using nt::testing::Nft;
using nt::testing::Stream;
using Mode = StartDialog::FunctionMode;

// What a helper on a kernel with kprobes (no kprobe.multi, no fentry) would answer.
QVariantMap capabilities() {
    QVariantMap counts;
    counts[QStringLiteral("IPv4/0")] = 5u;
    counts[QStringLiteral("IPv4/1")] = 7u;
    counts[QStringLiteral("TCP/0")] = 3u;
    counts[QStringLiteral("Device/0")] = 9u;
    counts[QStringLiteral("Device/3")] = 100u;
    QVariantMap unavailable;
    unavailable[QStringLiteral("kprobe-multi")] = QStringLiteral("CONFIG_FPROBE is not set");
    unavailable[QStringLiteral("fentry")] = QStringLiteral("the kernel refused (EPERM)");
    return {{QStringLiteral("function_counts"), counts},
            {QStringLiteral("function_backends"), QStringList{QStringLiteral("kprobe")}},
            {QStringLiteral("unavailable"), unavailable}};
}

class Dialog : public ::testing::Test {
protected:
    void SetUp() override { dialog = std::make_unique<StartDialog>(); }
    template <typename T> T *child(const char *name) const {
        auto *w = dialog->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }
    void checkLayer(Layer layer) const {
        auto *list = child<QListWidget>("startLayers");
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text() == layerDisplayName(layer)) {
                list->item(i)->setCheckState(Qt::Checked);
            }
        }
    }
    bool okEnabled() const {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
    }
    std::unique_ptr<StartDialog> dialog;
};

TEST_F(Dialog, TracepointsOnlySendsNoFunctionOption) {
    EXPECT_EQ(dialog->functionMode(), Mode::Tracepoints);
    const QVariantMap o = dialog->options();
    for (const char *key :
         {"backend", "functions", "layers", "priority", "max_functions", "function_config"}) {
        EXPECT_FALSE(o.contains(QString::fromLatin1(key))) << key;
    }
    EXPECT_TRUE(okEnabled());
}

TEST_F(Dialog, LayersAndPriorityMapToTheHelpersTypesAndCountFunctions) {
    dialog->setCapabilities(capabilities());
    dialog->setFunctionMode(Mode::Layers);
    checkLayer(Layer::IPv4);
    checkLayer(Layer::TCP);
    child<QComboBox>("startPriority")->setCurrentIndex(0);
    EXPECT_EQ(dialog->selectedFunctionCount(), 8); // IPv4/0 + TCP/0
    EXPECT_NE(child<QLabel>("startFunctionCount")->text().indexOf(QStringLiteral("8")), -1)
        << child<QLabel>("startFunctionCount")->text().toStdString();
    child<QComboBox>("startPriority")->setCurrentIndex(1);
    EXPECT_EQ(dialog->selectedFunctionCount(), 15);
    child<QSpinBox>("startMaxFunctions")->setValue(10);
    EXPECT_EQ(dialog->selectedFunctionCount(), 10);

    const QVariantMap o = dialog->options();
    EXPECT_EQ(o.value(QStringLiteral("layers")).toStringList(),
              (QStringList{QStringLiteral("IPv4"), QStringLiteral("TCP")}));
    EXPECT_EQ(o.value(QStringLiteral("layers")).metaType(), QMetaType::fromType<QStringList>());
    EXPECT_EQ(o.value(QStringLiteral("priority")).metaType(), QMetaType::fromType<uint>());
    EXPECT_EQ(o.value(QStringLiteral("priority")).toUInt(), 1u);
    EXPECT_EQ(o.value(QStringLiteral("max_functions")).metaType(), QMetaType::fromType<uint>());
    EXPECT_EQ(o.value(QStringLiteral("max_functions")).toUInt(), 10u);
    EXPECT_FALSE(o.contains(QStringLiteral("backend"))) << "automatic is the helper's default";

    // No layer checked: every layer, and no "layers" key.
    dialog->setOptions({{QStringLiteral("priority"), 0u}});
    EXPECT_EQ(dialog->functionMode(), Mode::Layers);
    EXPECT_EQ(dialog->selectedFunctionCount(), 17);
    EXPECT_FALSE(dialog->options().contains(QStringLiteral("layers")));
    EXPECT_EQ(dialog->options().value(QStringLiteral("priority")).toUInt(), 0u);
}

TEST_F(Dialog, CountIsUnknownUntilTheHelperAnswers) {
    dialog->setFunctionMode(Mode::Layers);
    EXPECT_EQ(dialog->selectedFunctionCount(), -1);
    dialog->setCapabilitiesError(QStringLiteral("no helper here"));
    EXPECT_NE(child<QLabel>("startFunctionCount")->text().indexOf(QStringLiteral("no helper here")),
              -1);
    EXPECT_TRUE(okEnabled()) << "the helper still decides; the dialog does not block";
}

TEST_F(Dialog, CustomListIsSplitAndMustNotBeEmpty) {
    dialog->setFunctionMode(Mode::List);
    EXPECT_FALSE(okEnabled());
    EXPECT_FALSE(dialog->functionError().isEmpty());
    child<QLineEdit>("startFunctionList")
        ->setText(QStringLiteral("ip_rcv, tcp_v4_rcv  icmp_rcv,,"));
    EXPECT_TRUE(okEnabled());
    const QVariantMap o = dialog->options();
    EXPECT_EQ(o.value(QStringLiteral("functions")).toStringList(),
              (QStringList{QStringLiteral("ip_rcv"), QStringLiteral("tcp_v4_rcv"),
                           QStringLiteral("icmp_rcv")}));
    EXPECT_EQ(o.value(QStringLiteral("functions")).metaType(), QMetaType::fromType<QStringList>());
    EXPECT_FALSE(o.contains(QStringLiteral("layers")));
}

TEST_F(Dialog, ConfigFileIsSentAsContentAndItsPathRemembered) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace_config.json"));
    const QByteArray json = R"({"version": 1, "functions": [
        {"name": "ip_rcv", "layer": "IPv4", "priority": 0, "enabled": true},
        {"name": "tcp_v4_rcv", "layer": "TCP", "priority": 0, "enabled": true},
        {"name": "kfree_skb", "layer": "Drop", "priority": 1, "enabled": false}]})";
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(json);
    }
    dialog->setOptions({{QStringLiteral("function_config_path"), path}});
    EXPECT_EQ(dialog->functionMode(), Mode::Config);
    EXPECT_TRUE(okEnabled()) << dialog->functionError().toStdString();
    EXPECT_NE(child<QLabel>("startFunctionCount")->text().indexOf(QStringLiteral("2")), -1);
    const QVariantMap o = dialog->options();
    EXPECT_EQ(o.value(QStringLiteral("function_config")).toString().toUtf8(), json);
    EXPECT_FALSE(o.contains(QStringLiteral("function_config_path"))) << "never a path";

    // A bad file: named in the message, and Start disabled.
    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"version": 1, "functions": [{"name": "ip_rcv", "layer": "IPv5",
        "priority": 0, "enabled": true}]})");
    bad.close();
    dialog->setOptions({{QStringLiteral("function_config_path"), bad.fileName()}});
    EXPECT_FALSE(okEnabled());
    EXPECT_NE(dialog->functionError().indexOf(QStringLiteral("IPv5")), -1)
        << dialog->functionError().toStdString();
    dialog->setOptions(
        {{QStringLiteral("function_config_path"), dir.filePath(QStringLiteral("missing.json"))}});
    EXPECT_FALSE(okEnabled());
    EXPECT_NE(dialog->functionError().indexOf(QStringLiteral("missing.json")), -1);
}

TEST_F(Dialog, UnavailableBackendsCannotBeChosenAndSayWhy) {
    dialog->setCapabilities(capabilities());
    dialog->setFunctionMode(Mode::Layers);
    auto *backend = child<QComboBox>("startBackend");
    auto *model = qobject_cast<QStandardItemModel *>(backend->model());
    ASSERT_NE(model, nullptr);
    const auto enabled = [&](const char *name) {
        return model->item(backend->findData(QString::fromLatin1(name)))->isEnabled();
    };
    EXPECT_TRUE(enabled("auto"));
    EXPECT_TRUE(enabled("kprobe"));
    EXPECT_TRUE(enabled("tracepoint"));
    EXPECT_FALSE(enabled("kprobe-multi"));
    EXPECT_FALSE(enabled("fentry"));
    EXPECT_EQ(
        backend->itemData(backend->findData(QStringLiteral("fentry")), Qt::ToolTipRole).toString(),
        QStringLiteral("the kernel refused (EPERM)"));
    const QString info = child<QLabel>("startBackendInfo")->text();
    EXPECT_NE(info.indexOf(QStringLiteral("CONFIG_FPROBE is not set")), -1) << info.toStdString();

    backend->setCurrentIndex(backend->findData(QStringLiteral("kprobe")));
    EXPECT_EQ(dialog->options().value(QStringLiteral("backend")).toString(),
              QStringLiteral("kprobe"));
    // Read back from the settings, a backend this kernel lacks falls back to automatic.
    dialog->setOptions(
        {{QStringLiteral("backend"), QStringLiteral("fentry")}, {QStringLiteral("priority"), 1u}});
    dialog->setCapabilities(capabilities());
    EXPECT_FALSE(dialog->options().contains(QStringLiteral("backend")));

    // A kernel with no function backend at all (this host's): the dialog warns first.
    QVariantMap none = capabilities();
    none[QStringLiteral("function_backends")] = QStringList{};
    dialog->setCapabilities(none);
    EXPECT_NE(child<QLabel>("startBackendInfo")->text().indexOf(QStringLiteral("refuse")), -1);
}

TEST_F(Dialog, OptionsSurviveARoundTrip) {
    dialog->setCapabilities(capabilities());
    dialog->setOptions({{QStringLiteral("filter"), QStringLiteral("tcp port 22")},
                        {QStringLiteral("layers"), QStringList{QStringLiteral("TCP")}},
                        {QStringLiteral("priority"), 2u},
                        {QStringLiteral("max_functions"), 40u},
                        {QStringLiteral("backend"), QStringLiteral("kprobe")}});
    const QVariantMap first = dialog->options();
    StartDialog other;
    other.setCapabilities(capabilities());
    other.setOptions(first);
    EXPECT_EQ(other.options(), first);
    EXPECT_EQ(first.value(QStringLiteral("backend")).toString(), QStringLiteral("kprobe"));
}

TEST_F(Dialog, Screenshot) {
    dialog->setCapabilities(capabilities());
    dialog->setFunctionMode(Mode::Layers);
    checkLayer(Layer::IPv4);
    checkLayer(Layer::TCP);
    checkLayer(Layer::Netfilter);
    dialog->resize(dialog->sizeHint());
    dialog->show();
    QApplication::processEvents();
    const QString path = nt::testing::screenshotPath(QStringLiteral("start_dialog.png"));
    ASSERT_TRUE(dialog->grab().save(path)) << path.toStdString();

    // In Vietnamese: every new label is translated and still fits.
    Language language;
    ASSERT_TRUE(language.setLanguage(QStringLiteral("vi")));
    QApplication::processEvents(); // LanguageChange reaches the dialog
    QApplication::processEvents(); // and the button box
    EXPECT_EQ(dialog->findChild<QComboBox *>(QStringLiteral("startFunctionMode"))->itemText(0),
              QStringLiteral("Chỉ tracepoint"));
    EXPECT_EQ(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->text(),
              QStringLiteral("&Bắt đầu"));
    dialog->resize(dialog->sizeHint());
    QApplication::processEvents();
    const QString vi = nt::testing::screenshotPath(QStringLiteral("start_dialog_vi.png"));
    EXPECT_TRUE(dialog->grab().save(vi)) << vi.toStdString();
    language.setLanguage(QStringLiteral("en"));
    QApplication::processEvents();
}

// A SYN dropped by a rule and an echo request delivered, each seen by tracepoints and by
// kernel functions, as a kprobe recording would hold them.
Trace functionTrace() {
    using namespace nt::testing;
    constexpr uint16_t ipRcv = NT_PROBE_FUNCTION_BASE, nftDoChain = NT_PROBE_FUNCTION_BASE + 1,
                       ipLocalDeliver = NT_PROBE_FUNCTION_BASE + 2,
                       tcpV4Rcv = NT_PROBE_FUNCTION_BASE + 3;
    Stream s;
    s.hdr(header(kSkbA, 0, tcpSyn()))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbA, 0, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({ipRcv, kSkbA, 1})
        .ev({NT_PROBE_FIB_TABLE_LOOKUP, kSkbA, 2, 2, kNsA, 0, 0, NT_EVF_CONTEXT})
        .ev({nftDoChain, kSkbA, 3})
        .ev({NT_PROBE_KFREE_SKB, kSkbA, 9, 2, kNsA, kNetfilterDrop, 0, 0, kNfHookSlow})
        .rec({7, 40, "input", NftTraceType::Rule, verdict::Jump, 2, tcpSyn(), "tcp_in"})
        .rec({7, 41, "tcp_in", NftTraceType::Rule, verdict::Drop, 4});
    s.hdr(header(kSkbB, 1000, icmpEcho(1)))
        .ev({NT_PROBE_NETIF_RECEIVE_SKB, kSkbB, 1000, 2, kNsA, 0, 0, NT_EVF_FIRST})
        .ev({ipRcv, kSkbB, 1001})
        .ev({nftDoChain, kSkbB, 1003})
        .ev({ipLocalDeliver, kSkbB, 1005})
        .ev({tcpV4Rcv, kSkbB, 1006}) // any function: its layer comes from its name
        .ev({NT_PROBE_CONSUME_SKB, kSkbB, 1010})
        .rec({8, 1040, "input", NftTraceType::Rule, verdict::Accept, 3, icmpEcho(1)});
    Trace t = s.trace();
    t.probes.push_back({ipRcv, "ip_rcv", "kprobe", true, ""});
    t.probes.push_back({nftDoChain, "nft_do_chain", "kprobe", true, ""});
    t.probes.push_back({ipLocalDeliver, "ip_local_deliver", "kprobe", true, ""});
    t.probes.push_back({tcpV4Rcv, "tcp_v4_rcv", "kprobe", true, ""});
    t.meta.backend = "kprobe+tracepoints+nftrace";
    t.meta.startMonoNs = kT0;
    return t;
}

class FunctionTrace : public nt::testing::DocumentTest {
protected:
    void SetUp() override { load(functionTrace(), 2); }
};

TEST_F(FunctionTrace, StatisticsCountByLayerFunctionAndVerdict) {
    StatisticsView view;
    view.setDocument(&doc);
    view.refresh();
    const TraceStats &s = view.stats();
    EXPECT_EQ(s.packets, 2u);
    // ip_rcv twice and ip_local_deliver: IPv4; nft_do_chain twice: Netfilter; tcp_v4_rcv: TCP.
    EXPECT_EQ(s.eventsByLayer[static_cast<size_t>(Layer::IPv4)], 3u);
    EXPECT_EQ(s.eventsByLayer[static_cast<size_t>(Layer::TCP)], 1u);
    EXPECT_GE(s.eventsByLayer[static_cast<size_t>(Layer::Netfilter)], 2u);
    const auto &functions = view.functionCounts();
    const std::vector<std::pair<QString, uint64_t>> expected = {
        {QStringLiteral("ip_rcv"), 2},
        {QStringLiteral("nft_do_chain"), 2},
        {QStringLiteral("ip_local_deliver"), 1},
        {QStringLiteral("tcp_v4_rcv"), 1}};
    EXPECT_EQ(functions, expected);
    // Tracepoints are counted apart.
    const auto &tps = view.tracepointCounts();
    EXPECT_TRUE(std::any_of(tps.begin(), tps.end(), [](const auto &p) {
        return p.first == QStringLiteral("netif_receive_skb") && p.second == 2;
    }));
    EXPECT_TRUE(std::none_of(tps.begin(), tps.end(),
                             [](const auto &p) { return p.first == QStringLiteral("ip_rcv"); }));
    std::map<std::string, uint64_t> verdicts(s.packetsByVerdict.begin(), s.packetsByVerdict.end());
    EXPECT_EQ(verdicts["DROP"], 1u);
    EXPECT_EQ(verdicts["ACCEPT"], 1u);
    // The tree shows both sections.
    QStringList rows;
    for (int i = 0; i < view.tree()->topLevelItemCount(); ++i) {
        rows << view.tree()->topLevelItem(i)->text(0).trimmed();
    }
    EXPECT_TRUE(rows.contains(QStringLiteral("Events by kernel function")));
    EXPECT_TRUE(rows.contains(QStringLiteral("ip_rcv")));
}

TEST_F(FunctionTrace, SwimlaneDrawsFunctionsInTheirLayer) {
    SwimlaneView view;
    view.resize(1200, 420);
    view.setTrace(doc.trace(), doc.assembler());
    const JourneyId delivered = journeyWithFate(Fate::Delivered);
    ASSERT_NE(delivered, kNoJourney);
    view.showJourneys({delivered});
    const auto &items = view.items();
    const auto find = [&](const char *label) {
        return std::find_if(items.begin(), items.end(), [&](const SwimlaneItem &i) {
            return i.label == QString::fromLatin1(label);
        });
    };
    for (const auto &[name, layer] :
         {std::pair{"ip_rcv", Layer::IPv4}, std::pair{"nft_do_chain", Layer::Netfilter},
          std::pair{"ip_local_deliver", Layer::IPv4}, std::pair{"tcp_v4_rcv", Layer::TCP}}) {
        const auto it = find(name);
        ASSERT_NE(it, items.end()) << name;
        EXPECT_EQ(it->layer, layer) << name;
        EXPECT_EQ(it->kind, SwimlaneItemKind::Function) << name;
        EXPECT_GE(view.laneRow(layer), 0) << name << ": its lane is shown";
    }
    EXPECT_EQ(find("netif_receive_skb")->kind, SwimlaneItemKind::Tracepoint);
}

TEST_F(FunctionTrace, JourneyDetailListsTheFunctions) {
    JourneyDetail detail;
    detail.setSource(doc.trace(), doc.assembler(), doc.report());
    const JourneyId dropped = journeyWithFate(Fate::DroppedByRule);
    ASSERT_NE(dropped, kNoJourney);
    detail.showJourney(dropped);
    // Each row with the row it is grouped under: events sit under their layer's group.
    QStringList texts;
    const std::function<void(QTreeWidgetItem *)> walk = [&](QTreeWidgetItem *item) {
        QStringList cols{item->parent() ? item->parent()->text(0) : QString()};
        for (int c = 0; c < item->columnCount(); ++c) {
            cols << item->text(c);
        }
        texts << cols.join(QLatin1Char('|'));
        for (int i = 0; i < item->childCount(); ++i) {
            walk(item->child(i));
        }
    };
    for (int i = 0; i < detail.tree()->topLevelItemCount(); ++i) {
        walk(detail.tree()->topLevelItem(i));
    }
    const auto row = [&](const QString &needle) {
        const auto it = std::find_if(texts.begin(), texts.end(),
                                     [&](const QString &t) { return t.contains(needle); });
        return it == texts.end() ? QString() : *it;
    };
    const QString ipRcv = row(QStringLiteral("ip_rcv"));
    ASSERT_FALSE(ipRcv.isEmpty()) << texts.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(ipRcv.startsWith(layerDisplayName(Layer::IPv4) + QLatin1Char('|')))
        << ipRcv.toStdString();
    const QString chain = row(QStringLiteral("nft_do_chain"));
    ASSERT_FALSE(chain.isEmpty()) << texts.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(chain.startsWith(layerDisplayName(Layer::Netfilter) + QLatin1Char('|')))
        << chain.toStdString();
}

} // namespace

NT_GUI_TEST_MAIN()
