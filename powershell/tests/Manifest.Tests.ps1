BeforeAll {
    $script:Root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:ManifestPath = Join-Path $Root 'Orchestrator.psd1'
}

Describe 'Orchestrator.psd1' {
    It 'is a valid module manifest' {
        { Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'supports Windows PowerShell 5.1 and PowerShell 7' {
        $m = Import-PowerShellDataFile -Path $ManifestPath
        $m.PowerShellVersion | Should -Be '5.1'
        $m.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'exports exactly the functions in powershell/Public' {
        $m = Import-PowerShellDataFile -Path $ManifestPath
        $public = @(Get-ChildItem -Path (Join-Path $Root 'powershell/Public') -Filter *.ps1 -ErrorAction SilentlyContinue |
                ForEach-Object BaseName | Sort-Object)
        @($m.FunctionsToExport | Sort-Object) | Should -Be $public
    }

    It 'imports without errors' {
        { Import-Module $ManifestPath -Force -ErrorAction Stop } | Should -Not -Throw
        Get-Module Orchestrator | Should -Not -BeNullOrEmpty
        Remove-Module Orchestrator -Force
    }
}
