// Swimlane diagram: journeys drawn across one lane per kernel layer along a µs time axis.
#pragma once

#include "assembler.h"
#include "journey.h"
#include "layers.h"
#include "swimlane_layout.h"
#include "trace.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>

#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

class QAction;
class QPainter;

namespace nt {

class Report;

class SwimlaneView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit SwimlaneView(QWidget *parent = nullptr);
    ~SwimlaneView() override;

    // Both must outlive the view or be replaced first; nullptr clears the diagram.
    void setTrace(const nt::Trace *trace, const nt::Assembler *assembler);
    // Up to kDetailLimit journeys get markers, labels, tooltips and clicks; more are drawn as
    // thin translucent polylines (at most kMaxPolylines visible ones, evenly sampled).
    void showJourneys(const std::vector<nt::JourneyId> &ids);

    static constexpr size_t kDetailLimit = SwimlaneLayout::kDetailLimit;
    static constexpr size_t kMaxPolylines = 2000;

    // Laid-out markers of the shown journeys in detailed mode (empty beyond kDetailLimit),
    // journey by journey in time order.
    const std::vector<SwimlaneItem> &items() const { return layout_.items; }
    // The colour of a marker in the current palette.
    QColor itemColor(size_t index) const { return itemColors_.at(index); }
    const SwimlaneLayout &layout() const { return layout_; }
    // Centre of a marker in viewport coordinates (may lie outside the viewport).
    QPointF itemPosition(size_t index) const;
    // Index into items() of the marker under a viewport position, or -1.
    int itemAt(const QPointF &pos) const;
    // Row of a layer's lane from the top (-1: collapsed because no shown journey visits it).
    int laneRow(Layer layer) const { return rowOfLayer_[static_cast<size_t>(layer)]; }
    // The time range the viewport shows, in diagram µs.
    std::pair<double, double> visibleRangeUs() const;
    size_t journeysShown() const { return layout_.tracks.size(); }
    bool detailed() const { return !layout_.tracks.empty() && layout_.detailed; }
    int selectedItem() const { return selected_; }

    // Paints what the viewport shows (lanes, ruler, journeys) with `painter`, whose device
    // should have the viewport's size: for images and benchmarks without a window.
    void renderDiagram(QPainter &painter) const;

    bool alignStarts() const { return alignStarts_; }
    void setAlignStarts(bool align);
    bool showEmptyLanes() const { return showEmptyLanes_; }
    void setShowEmptyLanes(bool show);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    // Multiplies the scale keeping the time under viewport x `anchorX` in place.
    void zoomBy(double factor, double anchorX);

Q_SIGNALS:
    void eventActivated(nt::JourneyId id, int timelineIndex);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void rebuild();
    // Track and marker colours of layout_ in the current palette.
    void resolveColors();
    void layoutRows();
    void updateScrollBars();
    void clampView();
    void setHovered(int index);
    void selectItem(int index);
    void ensureItemVisible(int index);
    QString toolTipFor(const SwimlaneItem &item) const;

    double plotLeft() const { return gutter_; }
    double plotWidth() const;
    double xOf(double us) const { return plotLeft() + (us - viewStartUs_) * pxPerUs_; }
    double usAt(double x) const { return viewStartUs_ + (x - plotLeft()) / pxPerUs_; }
    double laneTop(int row) const;
    double laneCenter(Layer layer) const;
    double fitScale() const;

    void paintLanes(QPainter &p, const QRect &clip) const;
    void paintRuler(QPainter &p) const;
    void paintDetailed(QPainter &p) const;
    void paintTrackLines(QPainter &p, double from, double to) const;
    // The tracks that may show in the visible time range, and every how-many-th is drawn.
    struct VisibleTracks {
        const SwimlaneTrack *first = nullptr;
        size_t candidates = 0, stride = 1, drawn = 0;
    };
    VisibleTracks visibleTracks() const;
    void paintPolylines(QPainter &p) const;
    void paintPolylineNote(QPainter &p) const;
    void paintMarker(QPainter &p, const SwimlaneItem &item, const QColor &color, QPointF c,
                     bool highlighted) const;

    const Trace *trace_ = nullptr;
    const Assembler *asm_ = nullptr;
    std::unique_ptr<Report> report_;
    std::vector<JourneyId> ids_;

    SwimlaneLayout layout_;
    std::vector<QColor> trackColors_; // by layout_.tracks index
    std::vector<QColor> itemColors_;  // by layout_.items index

    std::array<int, kLayerCount> rowOfLayer_{};
    int rows_ = 0;
    int gutter_ = 110;
    int rulerHeight_ = 28;
    int laneHeight_ = 44;
    int scrollY_ = 0;

    double viewStartUs_ = 0;
    double pxPerUs_ = 1;
    bool fitted_ = true; // follow the viewport width until the user zooms or pans
    bool alignStarts_ = true;
    bool showEmptyLanes_ = false;
    bool syncing_ = false;

    int hovered_ = -1;
    int selected_ = -1;
    bool dragging_ = false;
    QPoint pressPos_;
    QPoint lastDragPos_;

    // The polylines of many journeys, painted once per view change: hovering, focus and
    // overlays repaint without drawing thousands of lines again.
    struct PolylineCacheKey {
        double viewStartUs = 0, pxPerUs = 0;
        int scrollY = 0, laneHeight = 0;
        QSize size;
        uint64_t generation = 0;
        bool operator==(const PolylineCacheKey &) const = default;
    };
    mutable QImage polylineCache_;
    mutable PolylineCacheKey polylineKey_;
    uint64_t generation_ = 0; // bumped whenever tracks, lanes or colours change

    QAction *alignAction_ = nullptr;
    QAction *emptyLanesAction_ = nullptr;
};

} // namespace nt
