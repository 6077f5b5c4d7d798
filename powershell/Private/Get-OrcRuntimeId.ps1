function Get-OrcRuntimeId {
    <#
    .SYNOPSIS
        Returns the runtime id (win-x64, win-arm64, linux-x64, linux-arm64, osx-arm64, ...) of this host.
    .DESCRIPTION
        On Windows the architecture comes from PROCESSOR_ARCHITEW6432 / PROCESSOR_ARCHITECTURE (works
        on 5.1 with any .NET Framework); elsewhere from RuntimeInformation.OSArchitecture.
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if (Test-OrcWindows) {
        $arch = $env:PROCESSOR_ARCHITEW6432
        if (-not $arch) { $arch = $env:PROCESSOR_ARCHITECTURE }
        switch ($arch) {
            'ARM64' { return 'win-arm64' }
            'AMD64' { return 'win-x64' }
            default { return "win-$("$arch".ToLowerInvariant())" }
        }
    }
    $osArch = [string][System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture
    $archName = switch ($osArch) {
        'X64' { 'x64' }
        'Arm64' { 'arm64' }
        default { $osArch.ToLowerInvariant() }
    }
    if ($IsMacOS) {
        return "osx-$archName"
    }
    return "linux-$archName"
}
