import Accounts
import ES951
import Testing
@testable import TUICore

/// Issue 18 item 1: Switch user keeps nothing of the previous user's work.
@Suite struct SwitchUserTests {
    @Test func aNewLoginStartsWithCleanPagesNoLLSPasswordAndNLSForAReader() {
        var s = AppFixtures.main(.en, as: AppFixtures.administrator)
        s.connection.security = .lls
        s.llsPassword = "admin@emis"
        // The administrator's work: the object list read on the All objects page.
        _ = s.update(.page(.allObjects, .allObjects([DeviceObjectRow(classID: 8, version: 0, logicalName: "0.0.1.0.0.255",
                                                                    role: "clock", readable: true)])))
        #expect((s.pages.page(.allObjects) as? AllObjectsPage)?.rows?.count == 1)
        // System → Switch user, then a Read user logs in.
        _ = s.run(.switchUser)
        #expect(s.llsPassword == nil)
        _ = s.update(.loggedIn(AppFixtures.reader))
        #expect((s.pages.page(.allObjects) as? AllObjectsPage)?.rows == nil, "the previous user's page stayed")
        #expect(s.connection.security == .nls, "a Read user inherited LLS")
        // An administrator logging in again keeps the connection's security.
        s.connection.security = .lls
        _ = s.run(.switchUser)
        _ = s.update(.loggedIn(AppFixtures.administrator))
        #expect(s.connection.security == .lls)
    }
}
