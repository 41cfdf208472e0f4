import Foundation
import Security

/// The backup passphrase in the Keychain: a generic password readable after the first unlock,
/// on this device only (`kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly`: not in iCloud
/// Keychain, not in an encrypted device backup), so a background backup can read it while the
/// phone is locked. Only forwarding to SecItem*; the rules are `BackupModel`'s.
struct KeychainSecretStore: SecretStore {
    private let service = "org.rlsjournal.backup"
    private let account = "passphrase"

    private var query: [String: Any] {
        [
            kSecClass as String: kSecClassGenericPassword,
            kSecAttrService as String: service,
            kSecAttrAccount as String: account,
        ]
    }

    func passphrase() -> String? {
        var search = query
        search[kSecReturnData as String] = true
        search[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        guard SecItemCopyMatching(search as CFDictionary, &item) == errSecSuccess, let data = item as? Data else {
            return nil
        }
        return String(data: data, encoding: .utf8)
    }

    func setPassphrase(_ passphrase: String) throws {
        SecItemDelete(query as CFDictionary)
        var item = query
        item[kSecValueData as String] = Data(passphrase.utf8)
        item[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
        let status = SecItemAdd(item as CFDictionary, nil)
        guard status == errSecSuccess else {
            throw KeychainError(status: status)
        }
    }

    func clearPassphrase() throws {
        let status = SecItemDelete(query as CFDictionary)
        guard status == errSecSuccess || status == errSecItemNotFound else {
            throw KeychainError(status: status)
        }
    }
}

/// A Keychain call failed with `status` (an OSStatus).
struct KeychainError: Error {
    let status: OSStatus
}
