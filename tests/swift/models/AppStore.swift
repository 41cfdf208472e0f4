// Stand-ins for the app glue the models name as defaults. The app's `appStore()`
// (ios/RLSJournalApp/AppModel.swift) opens the journal in the app's own
// folder; the models take it only as their default `StoreSource`. The tests always pass a store on
// a journal file of their own, so here the default refuses, and a test that forgot fails loudly.

import Foundation
import RLSJournal

/// No app store in the tests.
struct NoAppStoreInTests: Error {}

/// The models' default store source, refused in the tests.
@MainActor
func appStore() async throws -> JournalStore {
    throw NoAppStoreInTests()
}

/// The models' default reminder re-planning (the app asks UNUserNotificationCenter); the tests pass
/// their own, so here it records nothing and a test that forgot sees no plan.
@MainActor
func appReschedule(store: JournalStore) async {}
