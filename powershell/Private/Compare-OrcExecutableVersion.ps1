function Compare-OrcExecutableVersion {
    <#
    .SYNOPSIS
        Compares two Get-OrcExecutableVersion results by semantic version: -1, 0 or 1.
    .DESCRIPTION
        major.minor.patch numerically (so 0.10.0 is newer than 0.9.0), then a release is newer
        than its prereleases (1.0.0 > 1.0.0-rc.1), then prereleases identifier by identifier (SemVer 2.0.0). Build
        metadata and commits do not count.
    .PARAMETER Left
        A Get-OrcExecutableVersion result.
    .PARAMETER Right
        Another one.
    .EXAMPLE
        if ((Compare-OrcExecutableVersion -Left $installed -Right $shipped) -gt 0) { 'the installed one is newer' }
    .OUTPUTS
        System.Int32
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory)]
        [object] $Left,

        [Parameter(Mandatory)]
        [object] $Right
    )

    $byNumber = $Left.Number.CompareTo($Right.Number)
    if ($byNumber -ne 0) { return [math]::Sign($byNumber) }
    if ($Left.Prerelease -eq $Right.Prerelease) { return 0 }
    if (-not $Left.Prerelease) { return 1 }
    if (-not $Right.Prerelease) { return -1 }
    # Identifier by identifier: numbers numerically (rc.10 > rc.9), others by ordinal text,
    # and a longer list wins when one is a prefix of the other (SemVer 2.0.0, rule 11).
    $a = $Left.Prerelease.Split('.')
    $b = $Right.Prerelease.Split('.')
    for ($i = 0; $i -lt [math]::Min($a.Count, $b.Count); $i++) {
        $x = 0L; $y = 0L
        $xNumeric = [long]::TryParse($a[$i], [ref]$x)
        $yNumeric = [long]::TryParse($b[$i], [ref]$y)
        if ($xNumeric -and $yNumeric) { $order = $x.CompareTo($y) }
        elseif ($xNumeric) { $order = -1 }
        elseif ($yNumeric) { $order = 1 }
        else { $order = [string]::CompareOrdinal($a[$i], $b[$i]) }
        if ($order -ne 0) { return [math]::Sign($order) }
    }
    return [math]::Sign($a.Count.CompareTo($b.Count))
}
