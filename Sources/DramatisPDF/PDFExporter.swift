import CCairo
import DramatisCore
import Foundation
