import Foundation

/// File-system errors in plain words ("permission denied", "no space left on device", "not
/// a folder"): Foundation's own texts are vague ("The operation could not be completed")
/// or name its internals ("NSCocoaErrorDomain error 512"), and a user needs the reason the
/// system gave.
public enum PlainWords {
  /// The C library's text for an `errno` value, starting lower-case to follow "cannot …: ".
  public static func errno(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    switch code {
    case ENOENT: return "no such file"
    case ENOTDIR: return "not a folder"
    case EISDIR: return "it is a folder"
    default: return text.prefix(1).lowercased() + text.dropFirst()
    }
  }

  /// The reason behind `error`: the POSIX error it carries when it carries one, otherwise
  /// what the Foundation error code means.
  public static func describe(_ error: Error) -> String {
    if let posix = error as? POSIXError { return errno(posix.code.rawValue) }
    let bridged = error as NSError
    if bridged.domain == NSPOSIXErrorDomain { return errno(Int32(truncatingIfNeeded: bridged.code)) }
    if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return errno(Int32(truncatingIfNeeded: underlying.code))
    }
    guard bridged.domain == NSCocoaErrorDomain else { return bridged.localizedDescription }
    switch CocoaError.Code(rawValue: bridged.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return errno(ENOENT)
    case .fileReadNoPermission, .fileWriteNoPermission: return errno(EACCES)
    case .fileWriteOutOfSpace: return errno(ENOSPC)
    case .fileWriteVolumeReadOnly: return errno(EROFS)
    case .fileWriteFileExists: return errno(EEXIST)
    case .fileReadTooLarge: return errno(EFBIG)
    case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: return "the file is not UTF-8 text"
    default: return "the file system refused it (Foundation error \(bridged.code))"
    }
  }
}
