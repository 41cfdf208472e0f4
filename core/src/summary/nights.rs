//! Reading a window of nights for a summary: one query over the night index for every live entry
//! of the window (and one for the relief attempts of its episodes), folded into per-night cells.
//!
//! Only the columns a summary needs are read, and only the JSON of the kinds it looks inside
//! (episodes and sleep diaries, and an exposure's kind alone); a dose comes from its parent and
//! sort columns.

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
}

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
            for relief in queries::window_relief(conn, first, last)? {
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
                    treatment_id: parent_id.unwrap_or_default().to_string(),
                    at_ms: sort_ms,
                });
                return Ok(());
            }
            // Labs, ratings and treatment starts observe nothing either.
            _ => return Ok(()),
        }
        if let Some(cell) = self.cells.get_mut(index) {
            cell.observed = true;
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
