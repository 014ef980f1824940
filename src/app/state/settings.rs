//! The user's settings (saved in localStorage by the app).

use std::rc::Rc;

use yew::Reducible;

use crate::storage::Settings;

/// The settings slice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SettingsState {
    /// The settings.
    pub settings: Settings,
}

/// Changes to the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsAction {
    /// Set the time limit (ms).
    SetTimeout(u32),
    /// Turn run-as-you-type on or off.
    SetLive(bool),
    /// Turn Nix's experimental `ca-derivations` on or off.
    SetCaDerivations(bool),
}

impl Reducible for SettingsState {
    type Action = SettingsAction;

    fn reduce(self: Rc<Self>, action: SettingsAction) -> Rc<Self> {
        let mut settings = self.settings.clone();
        match action {
            SettingsAction::SetTimeout(ms) => settings.timeout_ms = ms,
            SettingsAction::SetLive(live) => settings.live = live,
            SettingsAction::SetCaDerivations(on) => settings.ca_derivations = on,
        }
        Rc::new(SettingsState { settings })
    }
}
