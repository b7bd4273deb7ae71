// Shared by the swimlane, chart and ruleset tests: an offscreen QApplication, the recorded
// sample trace assembled once, a document of a built trace, and where rendered screenshots go.
#pragma once

#include "assembler.h"
#include "trace.h"
#include "trace_document.h"
#include "tracefile.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QString>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace nt::testing {

inline const std::string kSampleTrace =
    std::string(NT_TEST_DATA_DIR) + "/recorded/two-namespaces.nftrace";

class SampleTrace : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        trace = std::make_unique<Trace>(readTrace(kSampleTrace));
        assembler = std::make_unique<Assembler>(Assembler::assemble(*trace));
    }
    static void TearDownTestSuite() {
        assembler.reset();
        trace.reset();
    }
    static inline std::unique_ptr<Trace> trace;
    static inline std::unique_ptr<Assembler> assembler;
};

// A TraceDocument holding a trace built by the test (see tests/unit/journey_fixtures.h).
class DocumentTest : public ::testing::Test {
protected:
    // Loads `t` and waits until it is assembled into `journeys` journeys.
    void load(Trace t, size_t journeys) {
        QSignalSpy loaded(&doc, &TraceDocument::loaded);
        doc.setTrace(std::move(t));
        if (loaded.isEmpty()) {
            ASSERT_TRUE(loaded.wait(10000));
        }
        ASSERT_EQ(doc.assembler()->journeyCount(), journeys);
    }
    JourneyId journeyWithFate(Fate fate) const {
        for (JourneyId id = 0; id < doc.assembler()->journeyCount(); ++id) {
            if (doc.assembler()->journey(id).fate == fate) {
                return id;
            }
        }
        return kNoJourney;
    }
    TraceDocument doc;
};

// Screenshots rendered by the tests, kept as build output for people to look at.
inline QString screenshotPath(const QString &name) {
    QDir().mkpath(QStringLiteral("screenshots"));
    return QDir(QStringLiteral("screenshots")).absoluteFilePath(name);
}

} // namespace nt::testing

// Each GUI test binary runs its own main: the QApplication must exist before any widget and
// the offscreen platform must be chosen before it is created.
#define NT_GUI_TEST_MAIN()                                                                         \
    int main(int argc, char **argv) {                                                              \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {                                      \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                               \
        }                                                                                          \
        QApplication app(argc, argv);                                                              \
        ::testing::InitGoogleTest(&argc, argv);                                                    \
        return RUN_ALL_TESTS();                                                                    \
    }
