import Accounts
import AccountStore
import Concentrator
import Foundation
import TUICore

// STAND-IN: the Parameters pages' requests (issue 7) are carried out here.
extension DeviceWorker {
    func parameters(_ request: PageRequest, page: ParameterPage, session: Session) async {
        post(.page(page, .failed(words().t("Not in this version yet.", "Пока не в этой версии."))))
    }
}
