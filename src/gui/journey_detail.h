// The journey detail pane: the selected journey's events grouped by layer with µs offsets, the
// nft rules it met (with their text from the ruleset), its decoded headers and its fate.
#pragma once

#include "journey.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace nt {

class Assembler;
class Report;
struct Trace;

class JourneyDetail : public QWidget {
    Q_OBJECT
public:
    // NftExactRole: on the Rules rows, true when the step was read in the kernel (exact).
    enum Role { TimelineIndexRole = Qt::UserRole + 1, NftExactRole };

    explicit JourneyDetail(QWidget *parent = nullptr);

    // All three must outlive the pane or be replaced; nullptr clears it.
    void setSource(const Trace *trace, const Assembler *assembler, const Report *report);
    void showJourney(JourneyId id);
    JourneyId journey() const { return id_; }
    // Selects and reveals the row of a timeline entry (Assembler::timeline index).
    void selectTimelineItem(int timelineIndex);
    // The row showing a timeline entry, or nullptr.
    QTreeWidgetItem *itemForTimeline(int timelineIndex) const;
    QTreeWidget *tree() const { return tree_; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void addPath(QTreeWidgetItem *section);
    void addRules(QTreeWidgetItem *section);
    void addHeaders(QTreeWidgetItem *section);
    void addLayerTimes(QTreeWidgetItem *section);
    QString nftDescription(uint32_t ordinal, bool withRuleText) const;

    const Trace *trace_ = nullptr;
    const Assembler *asm_ = nullptr;
    const Report *report_ = nullptr;
    JourneyId id_ = kNoJourney;
    QLabel *title_ = nullptr;
    QLabel *fate_ = nullptr;
    QTreeWidget *tree_ = nullptr;
};

} // namespace nt
