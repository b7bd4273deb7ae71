// Swimlane diagram: lays journeys out once per selection, then paints only what is visible.
#include "swimlane_view.h"

#include "gui_style.h"
#include "report.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nt {
namespace {

constexpr double kMaxPxPerUs = 5000;  // 5 px per ns: finer than any probe's resolution
constexpr double kMaxContentPx = 1e9; // keeps scroll bar values inside int
constexpr double kPadFraction = 0.05; // empty margin around the journeys at "fit"
constexpr double kHitRadius = 8;      // px around a marker that hover and click accept
constexpr double kStackDx = 14;       // px between nft badges placed at the same time
constexpr int kMinLaneHeight = 30;
constexpr int kMaxLaneHeight = 96;

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

// 1-2-5 steps: the smallest nice value >= x.
double niceStep(double x) {
    if (x <= 0 || !std::isfinite(x)) {
        return 1;
    }
    const double e = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * e >= x) {
            return m * e;
        }
    }
    return 10 * e;
}

// A ruler label with as many decimals as the tick step needs, in the step's unit.
QString tickLabel(double us, double step) {
    double scale = 1;
    QString unit = QCoreApplication::translate("nt::SwimlaneView", "µs");
    if (step >= 1e6) {
        scale = 1e6;
        unit = QCoreApplication::translate("nt::SwimlaneView", "s");
    } else if (step >= 1e3) {
        scale = 1e3;
        unit = QCoreApplication::translate("nt::SwimlaneView", "ms");
    }
    const int decimals =
        std::max(0, static_cast<int>(-std::floor(std::log10(step / scale) + 1e-9)));
    return QStringLiteral("%1 %2").arg(us / scale, 0, 'f', decimals).arg(unit);
}

QColor fateColor(Fate fate, const QPalette &pal) {
    switch (fate) {
    case Fate::Dropped:
    case Fate::DroppedByRule:
        return gui::verdictColor(verdict::Drop, pal);
    case Fate::Delivered:
        return gui::verdictColor(verdict::Accept, pal);
    case Fate::Forwarded:
    case Fate::Transmitted:
        return gui::verdictColor(verdict::Jump, pal);
    default:
        return pal.color(QPalette::Text);
    }
}

} // namespace

SwimlaneView::SwimlaneView(QWidget *parent) : QAbstractScrollArea(parent) {
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setAccessibleName(tr("Journey swimlanes"));
    setAccessibleDescription(tr("No journey shown"));
    rowOfLayer_.fill(-1);

    alignAction_ = new QAction(tr("&Align Journeys at Their Start"), this);
    alignAction_->setCheckable(true);
    alignAction_->setChecked(alignStarts_);
    connect(alignAction_, &QAction::toggled, this, &SwimlaneView::setAlignStarts);
    emptyLanesAction_ = new QAction(tr("Show &Empty Lanes"), this);
    emptyLanesAction_->setCheckable(true);
    connect(emptyLanesAction_, &QAction::toggled, this, &SwimlaneView::setShowEmptyLanes);

    layoutRows();
}

SwimlaneView::~SwimlaneView() = default;

void SwimlaneView::setTrace(const Trace *trace, const Assembler *assembler) {
    trace_ = trace && assembler ? trace : nullptr;
    asm_ = trace_ ? assembler : nullptr;
    report_ = asm_ ? std::make_unique<Report>(*trace_, *asm_) : nullptr;
    ids_.clear();
    rebuild();
}

void SwimlaneView::showJourneys(const std::vector<JourneyId> &ids) {
    ids_.clear();
    if (asm_) {
        ids_.reserve(ids.size());
        for (JourneyId id : ids) {
            if (id < asm_->journeyCount()) {
                ids_.push_back(id);
            }
        }
    }
    fitted_ = true;
    rebuild();
}

void SwimlaneView::setAlignStarts(bool align) {
    if (align == alignStarts_) {
        return;
    }
    alignStarts_ = align;
    alignAction_->setChecked(align);
    fitted_ = true;
    rebuild();
}

void SwimlaneView::setShowEmptyLanes(bool show) {
    if (show == showEmptyLanes_) {
        return;
    }
    showEmptyLanes_ = show;
    emptyLanesAction_->setChecked(show);
    layoutRows();
    viewport()->update();
}

void SwimlaneView::rebuild() {
    hovered_ = selected_ = -1;
    layout_ =
        asm_ ? SwimlaneLayout::build(*asm_, report_.get(), ids_, alignStarts_) : SwimlaneLayout();
    resolveColors();
    if (layout_.tracks.empty()) {
        setAccessibleDescription(tr("No journey shown"));
    } else {
        setAccessibleDescription(
            tr("%n journey(s) over %1", nullptr, static_cast<int>(layout_.tracks.size()))
                .arg(gui::formatMicros(layout_.endUs)));
    }
    layoutRows();
    if (fitted_) {
        zoomToFit();
    } else {
        clampView();
        updateScrollBars();
    }
    viewport()->update();
}

void SwimlaneView::resolveColors() {
    const QPalette &pal = palette();
    trackColors_.clear();
    trackColors_.reserve(layout_.tracks.size());
    for (const SwimlaneTrack &t : layout_.tracks) {
        if (!layout_.detailed) {
            trackColors_.push_back(fateColor(t.fate, pal));
        } else if (layout_.singleJourney) {
            // One journey: neutral line so the verdict colours of the markers stand out;
            // several: a hue each so they can be told apart.
            trackColors_.push_back(pal.color(QPalette::Text));
        } else {
            static constexpr int kHues[] = {210, 30, 280, 150, 340, 60, 190, 0};
            trackColors_.push_back(QColor::fromHsl(kHues[t.hue % std::size(kHues)], 160,
                                                   gui::isDarkPalette(pal) ? 160 : 100));
        }
    }
    itemColors_.clear();
    itemColors_.reserve(layout_.items.size());
    for (const SwimlaneItem &item : layout_.items) {
        switch (item.kind) {
        case SwimlaneItemKind::NftRule:
        case SwimlaneItemKind::NftPolicy:
        case SwimlaneItemKind::NftReturn:
            itemColors_.push_back(gui::verdictColor(item.verdict, pal));
            break;
        case SwimlaneItemKind::Drop:
            itemColors_.push_back(gui::verdictColor(verdict::Drop, pal));
            break;
        default:
            itemColors_.push_back(gui::layerColor(item.layer, pal));
            break;
        }
    }
}

void SwimlaneView::layoutRows() {
    ++generation_;
    const std::array<bool, kLayerCount> used = layout_.usedLayers();
    const bool all = showEmptyLanes_ || layout_.points.empty();
    rows_ = 0;
    for (int l = 0; l < kLayerCount; ++l) {
        rowOfLayer_[static_cast<size_t>(l)] = all || used[static_cast<size_t>(l)] ? rows_++ : -1;
    }
    const QFontMetrics fm(font());
    int widest = 0;
    for (int l = 0; l < kLayerCount; ++l) {
        widest = std::max(widest, fm.horizontalAdvance(layerDisplayName(static_cast<Layer>(l))));
    }
    gutter_ = widest + 28;
    rulerHeight_ = fm.height() + 12;
    const int avail = viewport()->height() - rulerHeight_;
    laneHeight_ =
        std::clamp(rows_ > 0 ? avail / rows_ : kMaxLaneHeight, kMinLaneHeight, kMaxLaneHeight);
    updateScrollBars();
}

double SwimlaneView::plotWidth() const {
    return std::max(1.0, static_cast<double>(viewport()->width()) - plotLeft() - 8);
}

double SwimlaneView::laneTop(int row) const {
    return rulerHeight_ + row * laneHeight_ - scrollY_;
}

double SwimlaneView::laneCenter(Layer layer) const {
    const int row = laneRow(layer);
    return row < 0 ? -1 : laneTop(row) + laneHeight_ / 2.0;
}

double SwimlaneView::fitScale() const {
    const double range = std::max(layout_.endUs, 1.0) * (1 + 2 * kPadFraction);
    return std::clamp(plotWidth() / range, 1e-9, kMaxPxPerUs);
}

void SwimlaneView::zoomToFit() {
    fitted_ = true;
    pxPerUs_ = fitScale();
    viewStartUs_ = -std::max(layout_.endUs, 1.0) * kPadFraction;
    updateScrollBars();
    viewport()->update();
}

void SwimlaneView::zoomIn() {
    zoomBy(1.5, plotLeft() + plotWidth() / 2);
}

void SwimlaneView::zoomOut() {
    zoomBy(1 / 1.5, plotLeft() + plotWidth() / 2);
}

void SwimlaneView::zoomBy(double factor, double anchorX) {
    const double anchorUs = usAt(anchorX);
    const double range = std::max(layout_.endUs, 1.0) * (1 + 2 * kPadFraction);
    const double minScale = fitScale() / 2;
    const double maxScale = std::min(kMaxPxPerUs, kMaxContentPx / range);
    const double next = std::clamp(pxPerUs_ * factor, minScale, std::max(minScale, maxScale));
    if (next == pxPerUs_) {
        return;
    }
    pxPerUs_ = next;
    viewStartUs_ = anchorUs - (anchorX - plotLeft()) / pxPerUs_;
    fitted_ = false;
    clampView();
    updateScrollBars();
    viewport()->update();
}

void SwimlaneView::clampView() {
    const double pad = std::max(layout_.endUs, 1.0) * kPadFraction;
    const double lo = -pad;
    const double hi = layout_.endUs + pad - plotWidth() / pxPerUs_;
    viewStartUs_ = hi < lo ? (lo + hi) / 2 : std::clamp(viewStartUs_, lo, hi);
}

std::pair<double, double> SwimlaneView::visibleRangeUs() const {
    return {viewStartUs_, viewStartUs_ + plotWidth() / pxPerUs_};
}

void SwimlaneView::updateScrollBars() {
    syncing_ = true;
    const double pad = std::max(layout_.endUs, 1.0) * kPadFraction;
    const double contentPx = (layout_.endUs + 2 * pad) * pxPerUs_;
    const int page = static_cast<int>(plotWidth());
    QScrollBar *h = horizontalScrollBar();
    h->setPageStep(page);
    h->setSingleStep(std::max(1, page / 20));
    h->setRange(0, std::max(0, static_cast<int>(std::lround(contentPx)) - page));
    h->setValue(static_cast<int>(std::lround((viewStartUs_ + pad) * pxPerUs_)));

    const int contentH = rulerHeight_ + rows_ * laneHeight_;
    QScrollBar *v = verticalScrollBar();
    v->setPageStep(viewport()->height());
    v->setSingleStep(laneHeight_ / 2);
    v->setRange(0, std::max(0, contentH - viewport()->height()));
    scrollY_ = std::clamp(scrollY_, 0, v->maximum());
    v->setValue(scrollY_);
    syncing_ = false;
}

void SwimlaneView::scrollContentsBy(int, int) {
    if (syncing_) {
        return;
    }
    const double pad = std::max(layout_.endUs, 1.0) * kPadFraction;
    viewStartUs_ = horizontalScrollBar()->value() / pxPerUs_ - pad;
    scrollY_ = verticalScrollBar()->value();
    fitted_ = false;
    viewport()->update();
}

void SwimlaneView::resizeEvent(QResizeEvent *event) {
    QAbstractScrollArea::resizeEvent(event);
    layoutRows();
    if (fitted_) {
        zoomToFit();
    } else {
        clampView();
        updateScrollBars();
    }
}

void SwimlaneView::changeEvent(QEvent *event) {
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::LanguageChange) {
        if (event->type() == QEvent::LanguageChange) {
            alignAction_->setText(tr("&Align Journeys at Their Start"));
            emptyLanesAction_->setText(tr("Show &Empty Lanes"));
            setAccessibleName(tr("Journey swimlanes"));
        }
        rebuild(); // colours and labels are baked into the items
    }
}

QPointF SwimlaneView::itemPosition(size_t index) const {
    if (index >= layout_.items.size()) {
        return {-1, -1};
    }
    const SwimlaneItem &it = layout_.items[index];
    return {xOf(it.timeUs) + it.stack * kStackDx, laneCenter(it.layer)};
}

int SwimlaneView::itemAt(const QPointF &pos) const {
    if (layout_.items.empty() || pos.x() < plotLeft() || pos.y() < rulerHeight_) {
        return -1;
    }
    const double slack = (kHitRadius + kStackDx * 4) / pxPerUs_;
    const double t = usAt(pos.x());
    auto lo =
        std::lower_bound(layout_.byTime.begin(), layout_.byTime.end(), t - slack,
                         [this](uint32_t i, double v) { return layout_.items[i].timeUs < v; });
    int best = -1;
    double bestDist = kHitRadius * kHitRadius;
    for (auto it = lo; it != layout_.byTime.end() && layout_.items[*it].timeUs <= t + slack; ++it) {
        const QPointF c = itemPosition(*it);
        const double dx = c.x() - pos.x(), dy = c.y() - pos.y();
        const double d = dx * dx + dy * dy;
        if (d <= bestDist) {
            bestDist = d;
            best = static_cast<int>(*it);
        }
    }
    return best;
}

QString SwimlaneView::toolTipFor(const SwimlaneItem &item) const {
    QString text;
    const SwimlaneTrack *track = nullptr;
    for (const SwimlaneTrack &t : layout_.tracks) {
        if (t.id == item.journey) {
            track = &t;
        }
    }
    const double offset = track ? item.timeUs - track->startUs : item.timeUs;
    if (item.kind == SwimlaneItemKind::NftRule || item.kind == SwimlaneItemKind::NftPolicy ||
        item.kind == SwimlaneItemKind::NftReturn) {
        const TimelineItem ti =
            asm_->timeline(item.journey)[static_cast<size_t>(item.timelineIndex)];
        const NftStep &s = asm_->nftStep(ti.index);
        const QString where = QStringLiteral("%1 %2 %3")
                                  .arg(QString::fromStdString(nfFamilyName(s.family)),
                                       QString::fromStdString(asm_->name(s.table)),
                                       QString::fromStdString(asm_->name(s.chain)));
        if (item.kind == SwimlaneItemKind::NftPolicy) {
            text = tr("<b>nft chain %1</b><br>policy: %2")
                       .arg(where.toHtmlEscaped(), gui::verdictDisplayName(item.verdict));
        } else if (s.type == static_cast<uint8_t>(NftTraceType::Chain)) {
            text = tr("<b>nft chain %1</b><br>chain verdict: %2")
                       .arg(where.toHtmlEscaped(), gui::verdictDisplayName(item.verdict));
        } else {
            text = tr("<b>nft rule #%1</b> in %2<br>verdict: %3")
                       .arg(s.ruleHandle)
                       .arg(where.toHtmlEscaped(), gui::verdictDisplayName(item.verdict));
        }
        if (s.verdict == verdict::Jump || s.verdict == verdict::Goto) {
            text += tr("<br>target: %1")
                        .arg(QString::fromStdString(asm_->name(s.jumpTarget)).toHtmlEscaped());
        }
        text += tr("<br>hook: %1").arg(QString::fromLatin1(nftHookName(s.hook)));
        text += tr("<br>read from: %1 (%2)")
                    .arg(gui::nftSourceName(s.exact), gui::nftSourceExplanation(s.exact));
    } else {
        const uint32_t slot =
            asm_->timeline(item.journey)[static_cast<size_t>(item.timelineIndex)].index;
        const Event e = asm_->events(item.journey)[slot - asm_->record(item.journey).eventBegin];
        text = tr("<b>%1</b> (%2)")
                   .arg(QString::fromStdString(report_->probeName(e.probe)).toHtmlEscaped(),
                        e.probe >= NT_PROBE_FUNCTION_BASE ? tr("function") : tr("tracepoint"));
        text += tr("<br>if %1, netns %2, len %3").arg(e.ifindex).arg(e.netns).arg(e.len);
        if (e.probe == NT_PROBE_KFREE_SKB) {
            text +=
                tr("<br><b>dropped:</b> %1 at %2")
                    .arg(QString::fromStdString(report_->dropReasonName(e.aux)).toHtmlEscaped(),
                         QString::fromStdString(report_->symbolName(e.location)).toHtmlEscaped());
        } else if (e.probe == NT_PROBE_NET_DEV_XMIT) {
            text += tr("<br>rc %1").arg(static_cast<int32_t>(e.aux));
        }
    }
    text += tr("<br>layer: %1<br>time: +%2 (journey %3)")
                .arg(layerDisplayName(item.layer), gui::formatMicros(offset))
                .arg(item.journey);
    return text;
}

bool SwimlaneView::viewportEvent(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int i = itemAt(help->pos());
        if (i >= 0 && asm_) {
            QToolTip::showText(help->globalPos(), toolTipFor(layout_.items[static_cast<size_t>(i)]),
                               viewport());
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void SwimlaneView::setHovered(int index) {
    if (index != hovered_) {
        hovered_ = index;
        viewport()->setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        viewport()->update();
    }
}

void SwimlaneView::selectItem(int index) {
    if (index < 0 || static_cast<size_t>(index) >= layout_.items.size()) {
        return;
    }
    selected_ = index;
    ensureItemVisible(index);
    viewport()->update();
    const SwimlaneItem &it = layout_.items[static_cast<size_t>(index)];
    Q_EMIT eventActivated(it.journey, it.timelineIndex);
}

void SwimlaneView::ensureItemVisible(int index) {
    const QPointF c = itemPosition(static_cast<size_t>(index));
    if (c.x() < plotLeft() + 20 || c.x() > plotLeft() + plotWidth() - 20) {
        viewStartUs_ =
            layout_.items[static_cast<size_t>(index)].timeUs - plotWidth() / 2 / pxPerUs_;
        fitted_ = false;
        clampView();
        updateScrollBars();
    }
}

void SwimlaneView::leaveEvent(QEvent *event) {
    setHovered(-1);
    QAbstractScrollArea::leaveEvent(event);
}

void SwimlaneView::wheelEvent(QWheelEvent *event) {
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() != 0) {
            zoomBy(std::pow(1.0015, delta.y()), event->position().x());
        }
        event->accept();
        return;
    }
    const bool horizontal = (event->modifiers() & Qt::ShiftModifier) || delta.x() != 0 ||
                            verticalScrollBar()->maximum() == 0;
    const int d = delta.x() != 0 ? delta.x() : delta.y();
    QScrollBar *bar = horizontal ? horizontalScrollBar() : verticalScrollBar();
    bar->setValue(bar->value() - d * bar->singleStep() / 40);
    event->accept();
}

void SwimlaneView::mousePressEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton) {
        dragging_ = true;
        pressPos_ = lastDragPos_ = event->position().toPoint();
        event->accept();
        return;
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void SwimlaneView::mouseMoveEvent(QMouseEvent *event) {
    const QPoint pos = event->position().toPoint();
    if (dragging_ && (event->buttons() & Qt::LeftButton)) {
        const QPoint d = pos - lastDragPos_;
        lastDragPos_ = pos;
        if ((pos - pressPos_).manhattanLength() > 3) {
            viewport()->setCursor(Qt::ClosedHandCursor);
            viewStartUs_ -= d.x() / pxPerUs_;
            fitted_ = false;
            clampView();
            scrollY_ = std::clamp(scrollY_ - d.y(), 0, verticalScrollBar()->maximum());
            updateScrollBars();
            viewport()->update();
        }
        return;
    }
    setHovered(itemAt(event->position()));
}

void SwimlaneView::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && dragging_) {
        dragging_ = false;
        viewport()->setCursor(Qt::ArrowCursor);
        if ((event->position().toPoint() - pressPos_).manhattanLength() <= 3) {
            selectItem(itemAt(event->position()));
        }
        event->accept();
        return;
    }
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void SwimlaneView::mouseDoubleClickEvent(QMouseEvent *event) {
    if (itemAt(event->position()) < 0) {
        zoomToFit();
    }
    event->accept();
}

void SwimlaneView::keyPressEvent(QKeyEvent *event) {
    const double step = plotWidth() / 10 / pxPerUs_;
    auto pan = [this](double us) {
        viewStartUs_ += us;
        fitted_ = false;
        clampView();
        updateScrollBars();
        viewport()->update();
    };
    // Items in time order: Tab-like navigation along the diagram regardless of journey.
    auto moveSelection = [this](int dir) {
        if (layout_.byTime.empty()) {
            return;
        }
        auto pos = std::find(layout_.byTime.begin(), layout_.byTime.end(),
                             static_cast<uint32_t>(selected_));
        long k = pos == layout_.byTime.end()
                     ? (dir > 0 ? 0 : static_cast<long>(layout_.byTime.size()) - 1)
                     : (pos - layout_.byTime.begin()) + dir;
        k = std::clamp(k, 0L, static_cast<long>(layout_.byTime.size()) - 1);
        selectItem(static_cast<int>(layout_.byTime[static_cast<size_t>(k)]));
    };
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
    case Qt::Key_Asterisk:
        zoomToFit();
        break;
    case Qt::Key_Left:
        ctrl ? moveSelection(-1) : pan(-step);
        break;
    case Qt::Key_Right:
        ctrl ? moveSelection(1) : pan(step);
        break;
    case Qt::Key_Up:
        verticalScrollBar()->setValue(verticalScrollBar()->value() - laneHeight_);
        break;
    case Qt::Key_Down:
        verticalScrollBar()->setValue(verticalScrollBar()->value() + laneHeight_);
        break;
    case Qt::Key_Home:
        pan(-std::numeric_limits<double>::max() / 4);
        break;
    case Qt::Key_End:
        pan(std::numeric_limits<double>::max() / 4);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (selected_ >= 0) {
            selectItem(selected_);
        }
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void SwimlaneView::contextMenuEvent(QContextMenuEvent *event) {
    QMenu menu(this);
    menu.addAction(tr("Zoom &In"), this, &SwimlaneView::zoomIn);
    menu.addAction(tr("Zoom &Out"), this, &SwimlaneView::zoomOut);
    menu.addAction(tr("Zoom to &Fit"), this, &SwimlaneView::zoomToFit);
    menu.addSeparator();
    menu.addAction(alignAction_);
    menu.addAction(emptyLanesAction_);
    menu.exec(event->globalPos());
}

// ---- painting ----

void SwimlaneView::paintEvent(QPaintEvent *) {
    QPainter p(viewport());
    renderDiagram(p);
}

void SwimlaneView::renderDiagram(QPainter &p) const {
    const QRect r = viewport()->rect();
    p.fillRect(r, palette().color(QPalette::Base));
    paintLanes(p, r);
    p.save();
    p.setClipRect(QRectF(plotLeft(), rulerHeight_, plotWidth() + 8, r.height() - rulerHeight_));
    if (detailed()) {
        paintDetailed(p);
    } else if (!layout_.tracks.empty()) {
        const PolylineCacheKey key{viewStartUs_, pxPerUs_, scrollY_,
                                   laneHeight_,  r.size(), generation_};
        if (polylineCache_.isNull() || !(key == polylineKey_)) {
            polylineCache_ = QImage(r.size(), QImage::Format_ARGB32_Premultiplied);
            polylineCache_.fill(Qt::transparent);
            QPainter cp(&polylineCache_);
            cp.setClipRect(
                QRectF(plotLeft(), rulerHeight_, plotWidth() + 8, r.height() - rulerHeight_));
            paintPolylines(cp);
            polylineKey_ = key;
        }
        p.drawImage(0, 0, polylineCache_);
        paintPolylineNote(p);
    }
    p.restore();
    paintRuler(p);

    if (layout_.tracks.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRectF(plotLeft(), rulerHeight_, plotWidth(), r.height() - rulerHeight_),
                   Qt::AlignCenter,
                   asm_ ? tr("Select one or more packets to see their journeys")
                        : tr("Open a trace to see packet journeys"));
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 1));
        p.drawRect(r.adjusted(0, 0, -1, -1));
    }
}

void SwimlaneView::paintLanes(QPainter &p, const QRect &clip) const {
    const QPalette &pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor alt = pal.color(QPalette::AlternateBase);
    const QColor text = pal.color(QPalette::Text);
    const QColor grid = withAlpha(pal.color(QPalette::Mid), 90);
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);
    for (int l = 0; l < kLayerCount; ++l) {
        const int row = rowOfLayer_[static_cast<size_t>(l)];
        if (row < 0) {
            continue;
        }
        const QRectF lane(0, laneTop(row), clip.width(), laneHeight_);
        if (lane.bottom() < rulerHeight_ || lane.top() > clip.bottom()) {
            continue;
        }
        p.fillRect(lane, row % 2 ? alt : base);
        p.setPen(grid);
        p.drawLine(QPointF(plotLeft(), lane.center().y()),
                   QPointF(clip.width(), lane.center().y()));
        // Gutter: colour swatch and the translated layer name.
        const Layer layer = static_cast<Layer>(l);
        p.fillRect(QRectF(0, lane.top(), plotLeft(), lane.height()), row % 2 ? alt : base);
        p.fillRect(QRectF(6, lane.top() + 6, 4, lane.height() - 12), gui::layerColor(layer, pal));
        p.setPen(text);
        p.setFont(bold);
        p.drawText(QRectF(16, lane.top(), plotLeft() - 20, lane.height()),
                   Qt::AlignVCenter | Qt::AlignLeft, layerDisplayName(layer));
        p.setFont(font());
    }
    p.setPen(withAlpha(pal.color(QPalette::Mid), 160));
    p.drawLine(QPointF(plotLeft() - 0.5, rulerHeight_), QPointF(plotLeft() - 0.5, clip.bottom()));
}

void SwimlaneView::paintRuler(QPainter &p) const {
    const QPalette &pal = palette();
    const QRectF ruler(0, 0, viewport()->width(), rulerHeight_);
    p.fillRect(ruler, pal.color(QPalette::Window));
    p.setPen(withAlpha(pal.color(QPalette::Mid), 200));
    p.drawLine(QPointF(0, rulerHeight_ - 0.5), QPointF(ruler.width(), rulerHeight_ - 0.5));
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    p.setFont(small);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRectF(8, 0, plotLeft() - 12, rulerHeight_), Qt::AlignVCenter | Qt::AlignLeft,
               alignStarts_ || layout_.tracks.size() <= 1 ? tr("from start") : tr("from first"));
    if (layout_.tracks.empty()) {
        return;
    }
    const QFontMetrics fm(small);
    const double minPx = fm.horizontalAdvance(QStringLiteral("000.000 ms")) + 16;
    const double step = niceStep(minPx / pxPerUs_);
    const auto [t0, t1] = visibleRangeUs();
    const QColor tickColor = withAlpha(pal.color(QPalette::Mid), 220);
    const QColor gridColor = withAlpha(pal.color(QPalette::Mid), 45);
    const double bottom = viewport()->height();
    for (double t = std::ceil(t0 / step) * step; t <= t1; t += step) {
        const double x = xOf(t);
        p.setPen(gridColor);
        p.drawLine(QPointF(x, rulerHeight_), QPointF(x, bottom));
        p.setPen(tickColor);
        p.drawLine(QPointF(x, rulerHeight_ - 6), QPointF(x, rulerHeight_ - 1));
        p.setPen(pal.color(QPalette::WindowText));
        const QString label = std::abs(t) < step / 1e6 ? QStringLiteral("0") : tickLabel(t, step);
        p.drawText(QRectF(x - minPx / 2, 0, minPx, rulerHeight_ - 6), Qt::AlignCenter, label);
    }
    p.setFont(font());
}

void SwimlaneView::paintMarker(QPainter &p, const SwimlaneItem &item, const QColor &color,
                               QPointF c, bool highlighted) const {
    const QPalette &pal = palette();
    const double r = highlighted ? 6.5 : 5;
    switch (item.kind) {
    case SwimlaneItemKind::Tracepoint:
        p.setPen(QPen(pal.color(QPalette::Base), 1.5));
        p.setBrush(color);
        p.drawEllipse(c, r, r);
        break;
    case SwimlaneItemKind::Function: {
        const QPointF pts[] = {c + QPointF(0, -r - 1), c + QPointF(r + 1, 0), c + QPointF(0, r + 1),
                               c + QPointF(-r - 1, 0)};
        p.setPen(QPen(pal.color(QPalette::Base), 1.5));
        p.setBrush(color);
        p.drawPolygon(pts, 4);
        break;
    }
    case SwimlaneItemKind::Free:
        p.setPen(QPen(color, 2));
        p.setBrush(pal.color(QPalette::Base));
        p.drawEllipse(c, r, r);
        break;
    case SwimlaneItemKind::Drop: {
        const double d = r + 1.5;
        p.setPen(QPen(color, 3, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(c + QPointF(-d, -d), c + QPointF(d, d));
        p.drawLine(c + QPointF(-d, d), c + QPointF(d, -d));
        break;
    }
    case SwimlaneItemKind::NftRule:
    case SwimlaneItemKind::NftPolicy:
    case SwimlaneItemKind::NftReturn: {
        const QRectF box(c.x() - r, c.y() - r, 2 * r, 2 * r);
        p.setPen(QPen(pal.color(QPalette::Base), 1.5));
        p.setBrush(color);
        if (item.kind == SwimlaneItemKind::NftPolicy) {
            p.drawRoundedRect(box, 2, 2);
        } else {
            p.drawRect(box.adjusted(1, 1, -1, -1));
        }
        break;
    }
    }
    if (highlighted) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(pal.color(QPalette::Highlight), 2));
        p.drawEllipse(c, r + 4, r + 4);
    }
}

// Each shown journey's line through its markers in [from, to], and one marker beyond each end.
void SwimlaneView::paintTrackLines(QPainter &p, double from, double to) const {
    for (const SwimlaneTrack &t : layout_.tracks) {
        const auto begin = layout_.items.begin() + t.itemBegin;
        const auto end = begin + t.itemCount;
        auto lo = std::lower_bound(begin, end, from,
                                   [](const SwimlaneItem &a, double v) { return a.timeUs < v; });
        auto hi = std::upper_bound(lo, end, to,
                                   [](double v, const SwimlaneItem &a) { return v < a.timeUs; });
        if (lo != begin) {
            --lo;
        }
        if (hi != end) {
            ++hi;
        }
        QPolygonF line;
        for (auto it = lo; it != hi; ++it) {
            line << itemPosition(static_cast<size_t>(it - layout_.items.begin()));
        }
        const QColor &color = trackColors_[static_cast<size_t>(&t - layout_.tracks.data())];
        p.setPen(QPen(withAlpha(color, layout_.tracks.size() == 1 ? 150 : 190), 2, Qt::SolidLine,
                      Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(line);
    }
}

void SwimlaneView::paintDetailed(QPainter &p) const {
    p.setRenderHint(QPainter::Antialiasing);
    const auto [t0, t1] = visibleRangeUs();
    // Labels reach right of their marker; lines reach to the neighbours outside the view.
    const double margin = 300 / pxPerUs_;

    paintTrackLines(p, t0 - margin, t1 + margin);

    auto lo =
        std::lower_bound(layout_.byTime.begin(), layout_.byTime.end(), t0 - margin,
                         [this](uint32_t i, double v) { return layout_.items[i].timeUs < v; });
    auto hi =
        std::upper_bound(lo, layout_.byTime.end(), t1 + 20 / pxPerUs_,
                         [this](double v, uint32_t i) { return v < layout_.items[i].timeUs; });
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    QFont boldSmall = small;
    boldSmall.setWeight(QFont::Bold);
    const QFontMetrics fm(small);
    const QFontMetrics fmb(boldSmall);
    // A label is skipped when it would overlap the previous one drawn in the same half-lane.
    std::array<std::array<double, 2>, kLayerCount> labelRight;
    for (auto &a : labelRight) {
        a.fill(-1e9);
    }
    for (auto it = lo; it != hi; ++it) {
        const SwimlaneItem &item = layout_.items[*it];
        const QColor &color = itemColors_[*it];
        const QPointF c = itemPosition(*it);
        const bool strong = item.kind == SwimlaneItemKind::Drop ||
                            item.kind == SwimlaneItemKind::NftRule ||
                            item.kind == SwimlaneItemKind::NftPolicy;
        const QFontMetrics &m = strong ? fmb : fm;
        const int half = item.stack % 2;
        const bool badge = item.kind == SwimlaneItemKind::NftRule ||
                           item.kind == SwimlaneItemKind::NftPolicy ||
                           item.kind == SwimlaneItemKind::NftReturn;
        const double w = m.horizontalAdvance(item.label) + (badge ? 10 : 0);
        // Labels go right of their marker, or left of it where the view ends.
        double x = c.x() + 10;
        if (x + w > plotLeft() + plotWidth() + 4 && c.x() - 10 - w > plotLeft()) {
            x = c.x() - 10 - w;
        }
        double &right = labelRight[static_cast<size_t>(item.layer)][static_cast<size_t>(half)];
        if (!item.label.isEmpty() && x > right && laneHeight_ >= 26) {
            const double y = half == 0 ? c.y() - 8 - m.descent() : c.y() + 8 + m.ascent();
            p.setFont(strong ? boldSmall : small);
            if (badge) {
                const QRectF pill(x, y - m.ascent() - 2, w, m.height() + 3);
                p.setPen(Qt::NoPen);
                p.setBrush(color);
                p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
                p.setPen(gui::isDarkPalette(palette()) ? QColor(Qt::black) : QColor(Qt::white));
                p.drawText(pill, Qt::AlignCenter, item.label);
            } else if (strong) {
                // A halo keeps labels readable where the journey line crosses them.
                QPainterPath path;
                path.addText(QPointF(x, y), boldSmall, item.label);
                p.setPen(QPen(palette().color(QPalette::Base), 3, Qt::SolidLine, Qt::RoundCap,
                              Qt::RoundJoin));
                p.setBrush(Qt::NoBrush);
                p.drawPath(path);
                p.setPen(Qt::NoPen);
                p.setBrush(color);
                p.drawPath(path);
            } else {
                p.setPen(palette().color(QPalette::Text));
                p.drawText(QPointF(x, y), item.label);
            }
            right = std::max(right, x + w + 6);
        }
        paintMarker(p, item, color, c,
                    static_cast<int>(*it) == hovered_ || static_cast<int>(*it) == selected_);
    }
    p.setFont(font());
}

SwimlaneView::VisibleTracks SwimlaneView::visibleTracks() const {
    const auto [t0, t1] = visibleRangeUs();
    // Tracks are sorted by start: those starting after the view ends are skipped by a binary
    // search, those ending before it starts by the longest duration bound.
    auto first =
        std::lower_bound(layout_.tracks.begin(), layout_.tracks.end(), t0 - layout_.maxDurationUs,
                         [](const SwimlaneTrack &a, double v) { return a.startUs < v; });
    auto last = std::upper_bound(first, layout_.tracks.end(), t1,
                                 [](double v, const SwimlaneTrack &a) { return v < a.startUs; });
    VisibleTracks v;
    v.first = layout_.tracks.data() + (first - layout_.tracks.begin());
    v.candidates = static_cast<size_t>(last - first);
    v.stride = std::max<size_t>(1, (v.candidates + kMaxPolylines - 1) / kMaxPolylines);
    v.drawn = (v.candidates + v.stride - 1) / v.stride;
    return v;
}

void SwimlaneView::paintPolylines(QPainter &p) const {
    const double t0 = visibleRangeUs().first;
    const auto [first, candidates, stride, drawn] = visibleTracks();
    const int alpha = std::clamp(static_cast<int>(2400 / std::max<size_t>(drawn, 1)), 14, 170);
    std::array<double, kLayerCount> laneY{};
    for (int l = 0; l < kLayerCount; ++l) {
        laneY[static_cast<size_t>(l)] = laneCenter(static_cast<Layer>(l));
    }
    p.setRenderHint(QPainter::Antialiasing, drawn <= 400);
    QPolygonF line;
    QColor current;
    for (size_t k = 0; k < candidates; k += stride) {
        const SwimlaneTrack &t = first[k];
        if (t.startUs + t.durationUs < t0) {
            continue;
        }
        line.clear();
        const SwimlanePoint *pt = layout_.points.data() + t.pointBegin;
        for (uint32_t i = 0; i < t.pointCount; ++i) {
            line << QPointF(xOf(t.startUs + pt[i].offsetUs),
                            laneY[static_cast<size_t>(pt[i].layer)]);
        }
        const QColor c =
            withAlpha(trackColors_[static_cast<size_t>(&t - layout_.tracks.data())], alpha);
        if (c != current) {
            p.setPen(QPen(c, 0)); // cosmetic: the raster engine's fast line path
            current = c;
        }
        p.drawPolyline(line);
    }
}

void SwimlaneView::paintPolylineNote(QPainter &p) const {
    const VisibleTracks v = visibleTracks();
    const QString note =
        v.stride > 1 ? tr("%1 of %2 journeys drawn").arg(v.drawn).arg(layout_.tracks.size())
                     : tr("%n journey(s)", nullptr, static_cast<int>(layout_.tracks.size()));
    const QFontMetrics fm(font());
    const QRectF box(plotLeft() + plotWidth() - fm.horizontalAdvance(note) - 16, rulerHeight_ + 6,
                     fm.horizontalAdvance(note) + 12, fm.height() + 6);
    p.setPen(Qt::NoPen);
    p.setBrush(withAlpha(palette().color(QPalette::Window), 220));
    p.drawRoundedRect(box, 4, 4);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(box, Qt::AlignCenter, note);
}

} // namespace nt
