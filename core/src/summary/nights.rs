//! Reading a window of nights for a summary: one query over the night index for every live entry
//! of the window (and one for the relief attempts of its episodes), folded into per-night cells.
//!
//! Only the columns a summary needs are read, and only the JSON of the kinds it looks inside
//! (episodes and sleep diaries, and an exposure's kind alone); a dose comes from its parent and
//! sort columns.

use std::collections::HashSet;

use rusqlite::Connection;

use crate::error::Result;
use crate::model::damaged::DamagedRecord;
use crate::model::episode::{EpisodeData, ReliefData};
use crate::model::kinds::ExposureKind;
use crate::model::sleep::SleepDiaryData;
use crate::store::entries::RowKind;
use crate::store::queries::{self, WindowRow};
use crate::time::{parse_iso_date, LocalDate};

/// What one night holds, for frequency and severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NightCell {
    /// Observed (design §4): the night has an episode, a morning sleep diary or a "no symptoms"
    /// answer. Labs, ratings, treatment starts, doses and exposures observe nothing: a night
    /// with only those is "not logged", missing rather than symptom-free.
    pub observed: bool,
    /// Episodes that night.
    pub episodes: u32,
    /// The highest peak intensity (0 without episodes).
    pub peak: u8,
    /// At least one episode that night was marked "woke me from sleep".
    pub woke: bool,
}

/// An episode of the window.
#[derive(Clone, Debug)]
pub(crate) struct EpisodeRec {
    /// Its id (relief attempts point to it).
    pub id: String,
    /// The night it belongs to (cutover rule, as stored).
    pub night: LocalDate,
    /// What was recorded.
    pub data: EpisodeData,
}

/// A relief attempt of an episode of the window.
#[derive(Clone, Debug)]
pub(crate) struct ReliefRec {
    /// The episode.
    pub episode_id: String,
    /// What was recorded.
    pub data: ReliefData,
}

/// An exposure of the window.
#[derive(Clone, Debug)]
pub(crate) struct ExposureRec {
    /// The night it counts for (cutover rule, as stored).
    pub night: LocalDate,
    /// What it was.
    pub kind: ExposureKind,
}

/// A dose of the window.
#[derive(Clone, Debug)]
pub(crate) struct DoseRec {
    /// The night it counts for (as stored).
    pub night: LocalDate,
    /// The treatment.
    pub treatment_id: String,
    /// When it was taken, epoch ms.
    pub at_ms: i64,
}

/// Everything of a window of nights that a summary reads.
#[derive(Clone, Debug)]
pub(crate) struct Window {
    /// The first night.
    pub first: LocalDate,
    /// The last night (inclusive).
    pub last: LocalDate,
    /// One cell per night, `first` to `last`.
    pub cells: Vec<NightCell>,
    /// Episodes, in time order.
    pub episodes: Vec<EpisodeRec>,
    /// Exposures.
    pub exposures: Vec<ExposureRec>,
    /// Sleep diaries.
    pub diaries: Vec<SleepDiaryData>,
    /// Doses, in time order.
    pub doses: Vec<DoseRec>,
    /// Relief attempts of the episodes (only when asked for).
    pub relief: Vec<ReliefRec>,
    /// Records of the window whose data no longer decodes: left out of every measure (their
    /// night is not counted as logged for them), listed for the notes.
    pub damaged: Vec<DamagedRecord>,
    /// The ids of the window's episodes whose data no longer decodes: their relief attempts
    /// are read all the same (as the parent-index read does).
    damaged_episode_ids: Vec<String>,
}

/// The kinds of record that make a night observed when they decode (design §4): an episode, a
/// morning sleep diary, a "no symptoms" answer. [`Window::load`] marks cells by them, and
/// [`observed_at_most`] reads the nights that hold one from the night index alone.
pub(crate) const OBSERVING_KINDS: [RowKind; 3] =
    [RowKind::Episode, RowKind::Sleep, RowKind::NoSymptoms];

/// The nights of `first..=last` that hold a live record of an [`OBSERVING_KINDS`] kind, in
/// order, read from the night index without a record's JSON: every observed night is among
/// them (one is not observed only when all its such records are damaged).
pub(crate) fn observed_at_most(
    conn: &Connection,
    first: LocalDate,
    last: LocalDate,
) -> Result<Vec<LocalDate>> {
    queries::nights_with_kinds(conn, first, last, &OBSERVING_KINDS)
}

/// From this many episodes in a window, [`Window::load`] asks how many relief attempts the
/// journal holds, to choose how to read the window's (a 14-night summary never asks).
const RELIEF_COUNT_FROM_EPISODES: usize = 200;
/// Read every relief attempt of the journal down the kind index, keeping the window's, when
/// the journal holds at most this many times as many as the window has episodes: per attempt
/// that read costs about a third of what the night-and-parent-index read costs per episode of
/// the window, which also steps over every other row of the window's nights (callgrind, the
/// ten-year benchmark summary: 46 M of its 378 M instructions were that read).
const RELIEF_BY_KIND_PER_EPISODE: u64 = 2;

/// Decodes a stored record's data, or says what is wrong with it.
/// An exposure's kind, the one field of its JSON a summary reads. Reading only it (borrowed, the
/// other fields skipped) costs less than SQLite's `json_extract`, which converts the whole text
/// to JSONB first: it was a tenth of the ten-year summary's time.
#[derive(serde::Deserialize)]
struct ExposureKindOnly<'a> {
    #[serde(borrow)]
    kind: std::borrow::Cow<'a, str>,
}

fn parse<T: serde::de::DeserializeOwned>(data: Option<&str>) -> std::result::Result<T, String> {
    let data = data.ok_or_else(|| "it has no data".to_string())?;
    serde_json::from_str(data).map_err(|e| crate::error::data_problem(&e))
}

impl Window {
    /// Reads the nights `first..=last` (`first <= last`); with `with_relief`, also the relief
    /// attempts of their episodes.
    pub fn load(
        conn: &Connection,
        first: LocalDate,
        last: LocalDate,
        with_relief: bool,
    ) -> Result<Window> {
        let days = usize::try_from((last - first).num_days() + 1).unwrap_or(0);
        let mut window = Window {
            first,
            last,
            cells: vec![NightCell::default(); days],
            episodes: Vec::new(),
            exposures: Vec::new(),
            diaries: Vec::new(),
            doses: Vec::new(),
            relief: Vec::new(),
            damaged: Vec::new(),
            damaged_episode_ids: Vec::new(),
        };
        queries::for_each_window_row(conn, first, last, |row| window.add_row(row))?;
        window.episodes.sort_by(|a, b| {
            a.data
                .started_at
                .millis()
                .cmp(&b.data.started_at.millis())
                .then_with(|| a.id.cmp(&b.id))
        });
        window.doses.sort_by_key(|d| d.at_ms);
        if with_relief {
            for relief in window.read_relief(conn)? {
                match parse(Some(&relief.data)) {
                    Ok(data) => window.relief.push(ReliefRec {
                        episode_id: relief.episode_id,
                        data,
                    }),
                    Err(problem) => window.damaged.push(DamagedRecord {
                        id: relief.id,
                        kind: RowKind::Relief.noun().to_string(),
                        night: parse_iso_date(&relief.night).unwrap_or(first),
                        problem,
                    }),
                }
            }
        }
        Ok(window)
    }

    /// The live relief attempts of the window's episodes, by the cheaper of the two reads.
    fn read_relief(&self, conn: &Connection) -> Result<Vec<queries::WindowRelief>> {
        let episodes = self.episodes.len() + self.damaged_episode_ids.len();
        let by_kind = episodes >= RELIEF_COUNT_FROM_EPISODES
            && queries::live_relief_count(conn)?
                <= RELIEF_BY_KIND_PER_EPISODE.saturating_mul(u64::try_from(episodes).unwrap_or(0));
        if !by_kind {
            return queries::window_relief(conn, self.first, self.last);
        }
        let ids: HashSet<&str> = self
            .episodes
            .iter()
            .map(|e| e.id.as_str())
            .chain(self.damaged_episode_ids.iter().map(String::as_str))
            .collect();
        queries::relief_of_episodes(conn, |id| ids.contains(id))
    }

    /// The nights `first..=last` of this window (clipped to it) as if read on their own: their
    /// cells, and the episodes, exposures, diaries and doses of those nights in the same order.
    /// No relief attempts and no damaged records (the parts that read a sub-window use
    /// neither).
    pub fn slice(&self, first: LocalDate, last: LocalDate) -> Window {
        let first = first.max(self.first);
        let last = last.min(self.last);
        let inside = |night: LocalDate| first <= night && night <= last;
        Window {
            first,
            last,
            cells: self.cells_between(first, last).to_vec(),
            episodes: self
                .episodes
                .iter()
                .filter(|e| inside(e.night))
                .cloned()
                .collect(),
            exposures: self
                .exposures
                .iter()
                .filter(|e| inside(e.night))
                .cloned()
                .collect(),
            diaries: self
                .diaries
                .iter()
                .filter(|d| inside(d.night_of))
                .cloned()
                .collect(),
            doses: self
                .doses
                .iter()
                .filter(|d| inside(d.night))
                .cloned()
                .collect(),
            relief: Vec::new(),
            damaged: Vec::new(),
            damaged_episode_ids: Vec::new(),
        }
    }

    /// Whether the window holds every night of `first..=last`.
    pub fn holds(&self, first: LocalDate, last: LocalDate) -> bool {
        self.first <= first && last <= self.last
    }

    /// The nights `first..=last` (`first <= last`): cut from this window when it holds them
    /// all (the summary's own window, read once), else read on their own.
    pub fn part_or_load(
        &self,
        conn: &Connection,
        first: LocalDate,
        last: LocalDate,
    ) -> Result<Window> {
        if self.holds(first, last) {
            Ok(self.slice(first, last))
        } else {
            Window::load(conn, first, last, false)
        }
    }

    fn add_row(&mut self, row: WindowRow<'_>) -> Result<()> {
        let WindowRow {
            kind,
            night,
            id,
            parent_id,
            sort_ms,
            data,
        } = row;
        let Some(index) = self.index_of(night) else {
            return Ok(());
        };
        let damaged = |problem: String| DamagedRecord {
            id: id.to_string(),
            kind: RowKind::from_code(kind)
                .map_or_else(|| kind.to_string(), |k| k.noun().to_string()),
            night,
            problem,
        };
        match kind {
            "episode" => {
                let data: EpisodeData = match parse(data) {
                    Ok(data) => data,
                    Err(problem) => {
                        self.damaged_episode_ids.push(id.to_string());
                        self.damaged.push(damaged(problem));
                        return Ok(());
                    }
                };
                if let Some(cell) = self.cells.get_mut(index) {
                    cell.episodes += 1;
                    cell.peak = cell.peak.max(data.peak());
                    cell.woke |= data.woke_from_sleep;
                }
                self.episodes.push(EpisodeRec {
                    id: id.to_string(),
                    night,
                    data,
                });
            }
            "sleep" => match parse(data) {
                Ok(diary) => self.diaries.push(diary),
                Err(problem) => {
                    self.damaged.push(damaged(problem));
                    return Ok(());
                }
            },
            // The morning's "no symptoms" answer: it observes the night and holds nothing else.
            "no_symptoms" => {}
            // Exposures: only the kind; doses: the treatment and the instant (the parent and
            // sort columns), so a dose's JSON is not parsed at all.
            "exposure" => {
                let only: ExposureKindOnly<'_> = match data
                    .ok_or_else(|| "it has no data".to_string())
                    .and_then(|d| {
                        serde_json::from_str(d).map_err(|e| crate::error::data_problem(&e))
                    }) {
                    Ok(only) => only,
                    Err(problem) => {
                        self.damaged.push(damaged(problem));
                        return Ok(());
                    }
                };
                let Some(kind) = ExposureKind::parse(&only.kind) else {
                    self.damaged.push(damaged(format!(
                        "it has an unknown kind {}",
                        crate::error::quoted(&only.kind)
                    )));
                    return Ok(());
                };
                self.exposures.push(ExposureRec { night, kind });
                return Ok(());
            }
            "dose" => {
                self.doses.push(DoseRec {
                    night,
                    treatment_id: parent_id.unwrap_or_default().to_string(),
                    at_ms: sort_ms,
                });
                return Ok(());
            }
            // Labs, ratings and treatment starts observe nothing either.
            _ => return Ok(()),
        }
        if RowKind::from_code(kind).is_some_and(|k| OBSERVING_KINDS.contains(&k)) {
            if let Some(cell) = self.cells.get_mut(index) {
                cell.observed = true;
            }
        }
        Ok(())
    }

    /// The position of `night` in `cells`, if it is in the window.
    pub fn index_of(&self, night: LocalDate) -> Option<usize> {
        if night < self.first || night > self.last {
            return None;
        }
        usize::try_from((night - self.first).num_days()).ok()
    }

    /// The cells of the nights `first..=last`, clipped to the window.
    pub fn cells_between(&self, first: LocalDate, last: LocalDate) -> &[NightCell] {
        let first = first.max(self.first);
        let last = last.min(self.last);
        if first > last {
            return &[];
        }
        match (self.index_of(first), self.index_of(last)) {
            (Some(a), Some(b)) => self.cells.get(a..=b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The nights of the window, in order, with their cells.
    pub fn nights(&self) -> impl Iterator<Item = (LocalDate, &NightCell)> {
        self.first.iter_days().zip(self.cells.iter())
    }
}
