import Accounts
import AccountStore
import Concentrator
import Foundation
import TUICore

// STAND-IN: the Files pages' requests (issue 7) are carried out here.
extension DeviceWorker {
    func files(_ request: PageRequest, page: ParameterPage, session: Session) async {
        post(.page(page, .failed(words().t("Not in this version yet.", "Пока не в этой версии."))))
    }
}
